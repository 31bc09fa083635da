// Filing Inspector's parsing worker (a module worker). The page sends one first
// message, { glue, module }: the URL of its own wasm-bindgen glue and its own
// compiled WebAssembly.Module, so nothing is downloaded or compiled twice. The
// wasm starts in worker mode (web/src/worker.rs), installs its own message
// handler and posts "Ready"; the page sends nothing else before that.
self.onmessage = async (event) => {
  self.onmessage = null;
  const { glue, module } = event.data;
  const bindings = await import(glue);
  await bindings.default({ module_or_path: module });
};
