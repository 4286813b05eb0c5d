import './styles.css';

import { startApp } from './app';
import { loadConfig } from './config';
import { initI18n } from './i18n';

const root = document.getElementById('app');
if (root !== null) {
  void initI18n().then(() => { startApp(root, loadConfig()); });
}
