// Test oracle: runs a .tflite model in LiteRT (TensorFlow Lite's current runtime, XNNPACK/optimized
// kernels compiled to WebAssembly) under Node, so LittleBrain's tests can check that the files it
// writes load and compute in real TFLite.
//
//   node oracle.mjs request.json
//
// request.json: {"model": "m.tflite",
//                "inputs":  [{"dtype": "int8", "shape": [1, 650]}, ...],
//                "examples": ["in_0.bin", ...],      raw bytes of all inputs, concatenated
//                "outDir": "dir"}                     writes dir/output_<k>.bin (all outputs concatenated)
//
// LiteRT.js is written for browsers; the few browser globals its loader touches are provided
// below, and its JavaScript dtype table (which omits int8, though the WebAssembly runtime supports
// it) is extended while the module loads. Neither touches TFLite's arithmetic.
import fs from 'node:fs';
import vm from 'node:vm';
import path from 'node:path';
import {createRequire, register} from 'node:module';
import {fileURLToPath, pathToFileURL} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
register(pathToFileURL(path.join(here, 'int8-dtype-hook.mjs')));

globalThis.self = globalThis;
globalThis.require = createRequire(import.meta.url);
globalThis.__dirname = path.join(here, 'node_modules/@litertjs/core/wasm');
globalThis.importScripts = (url) => {
  const file = url.startsWith('file:') ? fileURLToPath(url) : url;
  vm.runInThisContext(fs.readFileSync(file, 'utf8'), {filename: file});
};
const networkFetch = globalThis.fetch;
globalThis.fetch = async (url, options) => {
  const s = url.toString();
  if (!s.startsWith('file:')) return networkFetch(url, options);
  const type = s.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
  return new Response(fs.readFileSync(fileURLToPath(s)), {headers: {'Content-Type': type}});
};
// LiteRT logs its set-up on stdout/stderr; keep stdout for our own result line.
const quiet = () => {};
const log = console.log;
console.info = quiet;
console.warn = quiet;

const request = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const {loadLiteRt, loadAndCompile, Tensor} = await import('@litertjs/core');
await loadLiteRt(pathToFileURL(path.join(here, 'node_modules/@litertjs/core/wasm/')).href);
const model = await loadAndCompile(new Uint8Array(fs.readFileSync(request.model)), {accelerator: 'wasm'});

const readers = {
  int8: {bytes: 1, make: (n) => new Int8Array(n), get: (b, o) => b.readInt8(o)},
  uint8: {bytes: 1, make: (n) => new Uint8Array(n), get: (b, o) => b.readUInt8(o)},
  int32: {bytes: 4, make: (n) => new Int32Array(n), get: (b, o) => b.readInt32LE(o)},
  float32: {bytes: 4, make: (n) => new Float32Array(n), get: (b, o) => b.readFloatLE(o)},
};

fs.mkdirSync(request.outDir, {recursive: true});
for (let k = 0; k < request.examples.length; k++) {
  const raw = fs.readFileSync(request.examples[k]);
  let offset = 0;
  const inputs = request.inputs.map(({dtype, shape}) => {
    const r = readers[dtype];
    if (!r) throw new Error(`input dtype ${dtype} not supported by the oracle`);
    const n = shape.reduce((a, b) => a * b, 1);
    const values = r.make(n);
    for (let i = 0; i < n; i++) values[i] = r.get(raw, offset + i * r.bytes);
    offset += n * r.bytes;
    return new Tensor(values, shape);
  });
  const results = await model.run(inputs);
  const parts = results.map((t) => {
    const a = t.toTypedArray();
    return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  });
  fs.writeFileSync(path.join(request.outDir, `output_${k}.bin`), Buffer.concat(parts));
  inputs.forEach((t) => t.delete());
  results.forEach((t) => t.delete());
}
log(`oracle: ${request.examples.length} examples`);
process.exit(0);
