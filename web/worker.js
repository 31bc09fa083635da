// Filing Inspector's parsing worker (a module worker). The page sends one first
// message, { glue, module, reader }: the URL of its own wasm-bindgen glue, its
// own compiled WebAssembly.Module, so nothing is downloaded or compiled twice,
// and the URL of the file reader's script (reader.js), if there is one. The
// wasm starts in worker mode (web/src/worker.rs), installs its own message
// handler and posts "Ready"; the page sends nothing else before that.
self.onmessage = async (event) => {
  self.onmessage = null;
  const { glue, module, reader } = event.data;
  // The file reader's script (web/reader.js), which the wasm starts beside it.
  if (reader) globalThis.__filingInspectorReader = reader;
  const bindings = await import(glue);
  await bindings.default({ module_or_path: module });
};
