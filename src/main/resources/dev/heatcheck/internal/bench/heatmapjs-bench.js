// The page side of `heatcheck bench render`: holds the clicks, hands them to heatmap.js (h337) and times
// it with performance.now(). Only setData (heatmap.js's own aggregation and its canvas render) and
// toDataURL (its PNG encode) are timed; loading the points and building heatmap.js's input are not.
window.__heatcheckBench = (() => {
  const chunks = [];
  let count = 0;
  let data = null;
  let max = 0;
  let lastPng = null;
  let renderMs = 0;

  // renderAll is bound to each instance when it is created, so it is wrapped once on the prototype
  const probe = h337.create({ container: document.createElement('div'), width: 1, height: 1 });
  const renderer = Object.getPrototypeOf(probe._renderer);
  const renderAll = renderer.renderAll;
  renderer.renderAll = function (input) {
    const start = performance.now();
    try {
      return renderAll.call(this, input);
    } finally {
      renderMs += performance.now() - start;
    }
  };

  /** Little-endian float64 pairs x, y, as base64. */
  function add(base64) {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    const xy = new Float64Array(bytes.buffer);
    chunks.push(xy);
    count += xy.length / 2;
    return count;
  }

  /**
   * heatmap.js takes {x, y, value} objects and the largest value one point will reach: it sums the
   * values of equal (x, y), so max is the most clicks on one (x, y).
   */
  function prepare() {
    data = new Array(count);
    const perPoint = new Map();
    max = 0;
    let k = 0;
    for (const xy of chunks) {
      for (let i = 0; i < xy.length; i += 2) {
        const x = xy[i];
        const y = xy[i + 1];
        data[k++] = { x, y, value: 1 };
        const key = x + ',' + y;
        const n = (perPoint.get(key) || 0) + 1;
        perPoint.set(key, n);
        if (n > max) {
          max = n;
        }
      }
    }
    chunks.length = 0;
    return { points: k, distinct: perPoint.size, max };
  }

  /** One render on a fresh instance whose canvas is not in the page, so no page painting competes. */
  function run(width, height, radius) {
    const container = document.createElement('div');
    container.style.width = width + 'px';
    container.style.height = height + 'px';
    const heatmap = h337.create({ container, width, height, radius });
    renderMs = 0;
    const start = performance.now();
    heatmap.setData({ min: 0, max, data });
    const set = performance.now();
    lastPng = heatmap.getDataURL();
    const end = performance.now();
    return { setDataMs: set - start, renderMs, encodeMs: end - set, pngChars: lastPng.length };
  }

  return { add, prepare, run, lastPng: () => lastPng };
})();
