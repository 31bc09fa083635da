// Trunk's initializer for the wasm (index.html: data-initializer): the loading
// bar follows the download, and a failure to fetch or start the wasm is shown
// in plain words instead of a page that stays "Loading…" for ever.
export default function loader() {
  return {
    onProgress({ current, total }) {
      const bar = document.getElementById('loading-progress');
      if (bar && total > 0) {
        bar.max = total;
        bar.value = Math.min(current, total);
      }
    },
    onFailure(error) {
      window.filingInspectorFailed?.(error?.message ?? String(error));
    },
  };
}
