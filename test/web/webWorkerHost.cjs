// Runs the real web-worker server bundle (dist/browserServer.js) in a Node worker thread: the few web-worker globals
// it uses (onmessage, postMessage, addEventListener on the global scope) are mapped onto the thread's parentPort.
const { parentPort, workerData } = require('node:worker_threads');
let handler = null;
parentPort.on('message', (data) => handler?.({ data }));
Object.defineProperty(globalThis, 'onmessage', { configurable: true, get: () => handler, set: (fn) => { handler = fn; } });
globalThis.postMessage = (message) => parentPort.postMessage(message);
globalThis.addEventListener = () => undefined;
require(workerData.script);
