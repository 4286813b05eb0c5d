// Reading a pack's barcode with the phone: the camera's picture, a few times a second, or a
// photo taken or chosen, decoded by zxing-wasm (ZXing-C++ compiled to WebAssembly). The decoder's
// .wasm is bundled with the app and served from the app's own origin, never from a CDN: a clinic
// may have a local network only. Only the decoded text leaves this module; no picture is kept.
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

prepareZXingModule({
  overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) },
});

// GS1 DataMatrix (the pack's 2D code), GS1-128 (Code 128 on cartons), GS1 QR codes; the text in
// GS1's printed form "(01)…(10)…", which the client library's parser reads.
const OPTIONS: ReaderOptions = { formats: ['DataMatrix', 'Code128', 'QRCode'], tryHarder: true, maxNumberOfSymbols: 1, textMode: 'HRI' };

/** The first barcode's text in `image`, or `null` if none could be read. */
export async function decodeImage(image: ImageData | Blob): Promise<string | null> {
  const [found] = await readBarcodes(image, OPTIONS);
  return found !== undefined && found.isValid ? found.text : null;
}

/** Whether this browser can show the camera at all (a secure origin with mediaDevices). */
export function cameraAvailable(): boolean {
  // Undefined, whatever the DOM types say, on a page not served from a secure origin.
  const devices = (navigator as { mediaDevices?: MediaDevices }).mediaDevices;
  return typeof devices?.getUserMedia === 'function';
}

/** Why the camera could not be used: permission refused, or no camera. */
export class CameraError extends Error {
  override readonly name = 'CameraError';
  constructor(readonly code: 'CameraDenied' | 'NoCamera') {
    super(code);
  }
}

/** A running scan: stop it to release the camera. */
export interface Scan {
  stop(): void;
}

/** Frames decoded per second: enough to feel instant, little enough for a cheap phone. */
const FRAMES_PER_SECOND = 4;

/**
 * Shows the back camera in `video` and decodes frames until a code is read, then stops the
 * camera and calls `onCode` once with its text. Throws `CameraError` if the camera cannot be
 * opened.
 */
export async function scanWithCamera(video: HTMLVideoElement, onCode: (text: string) => void): Promise<Scan> {
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment', width: { ideal: 1280 } }, audio: false });
  } catch (error) {
    throw new CameraError(error instanceof DOMException && error.name === 'NotAllowedError' ? 'CameraDenied' : 'NoCamera');
  }
  video.srcObject = stream;
  video.muted = true;
  video.setAttribute('playsinline', 'true');
  await video.play().catch(() => undefined);
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  let stopped = false;
  // Read through a function: the flag changes while a frame is being decoded.
  const isStopped = (): boolean => stopped;
  let timer: number | undefined;
  const stop = (): void => {
    stopped = true;
    window.clearTimeout(timer);
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  };
  const tick = async (): Promise<void> => {
    if (isStopped() || context === null) return;
    if (video.videoWidth > 0) {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      context.drawImage(video, 0, 0);
      const text = await decodeImage(context.getImageData(0, 0, canvas.width, canvas.height)).catch(() => null);
      // The scan may have been stopped while this frame was decoded.
      if (isStopped()) return;
      if (text !== null) {
        stop();
        onCode(text);
        return;
      }
    }
    timer = window.setTimeout(() => { void tick(); }, 1000 / FRAMES_PER_SECOND);
  };
  void tick();
  return { stop };
}
