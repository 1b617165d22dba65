// A line chart drawn by hand on a <canvas> (no library, nothing from the network): a title, axes with ticks and
// units, a legend, one line per series, and marked points. Used by the Training and Testing pages.
'use strict';

/** Round tick values between lo and hi, about count of them. */
function niceTicks(lo, hi, count) {
  const span = hi - lo || 1;
  const raw = span / Math.max(count, 1), mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map(m => m * mag).find(s => s >= raw);
  const ticks = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) ticks.push(+v.toFixed(10));
  return ticks;
}

/** Ticks that reach past hi when the last round one falls short of it, so the top of the plot has a value. */
function coveringTicks(lo, hi, count) {
  const ticks = niceTicks(lo, hi, count);
  if (ticks.length > 1 && ticks[ticks.length - 1] < hi) {
    ticks.push(+(2 * ticks[ticks.length - 1] - ticks[ticks.length - 2]).toFixed(10));
  }
  return ticks;
}

/**
 * Draws the chart c = {title, xLabel, yLabel, xMin, xMax, yMin, yMax, xFormat, yFormat, xIntegers,
 * series: [{name, color, points: [[x, y]], dashed}], marks: [{x, y, label, color}]} on canvas. Returns where the
 * data lands: {x(v), y(v)} in CSS pixels of the canvas, for a page that lets the chart be dragged on.
 */
function drawChart(canvas, c) {
  const ratio = window.devicePixelRatio || 1;
  const w = canvas.clientWidth, h = canvas.clientHeight;
  canvas.width = w * ratio; canvas.height = h * ratio;
  const g = canvas.getContext('2d');
  g.scale(ratio, ratio);
  g.clearRect(0, 0, w, h);
  const yTicks = coveringTicks(c.yMin, c.yMax, 5);
  const yMax = Math.max(c.yMax, yTicks[yTicks.length - 1]);
  let xTicks = niceTicks(c.xMin, c.xMax, 8);
  if (c.xIntegers) xTicks = xTicks.filter(Number.isInteger);
  const left = 62, right = 16, top = 46, bottom = 40; // the title, then the legend, above the plot
  const pw = w - left - right, ph = h - top - bottom;
  const x = v => left + (v - c.xMin) / (c.xMax - c.xMin || 1) * pw;
  const y = v => top + ph - (v - c.yMin) / (yMax - c.yMin || 1) * ph;
  g.font = '600 13px system-ui, sans-serif';
  g.fillStyle = '#1d2330'; g.textAlign = 'left'; g.textBaseline = 'alphabetic';
  g.fillText(c.title, left, 16);
  g.font = '12px system-ui, sans-serif';
  g.fillStyle = '#4a5260'; g.lineWidth = 1;
  g.textAlign = 'right'; g.textBaseline = 'middle';
  for (const t of yTicks) {
    g.strokeStyle = '#eef0f3';
    g.beginPath(); g.moveTo(left, y(t)); g.lineTo(left + pw, y(t)); g.stroke();
    g.fillText(c.yFormat(t), left - 6, y(t));
  }
  g.textAlign = 'center'; g.textBaseline = 'top'; g.strokeStyle = '#8a93a0';
  for (const t of xTicks) {
    g.beginPath(); g.moveTo(x(t), top + ph); g.lineTo(x(t), top + ph + 4); g.stroke();
    g.fillText(c.xFormat(t), x(t), top + ph + 6);
  }
  g.beginPath(); g.moveTo(left, top); g.lineTo(left, top + ph); g.lineTo(left + pw, top + ph); g.stroke();
  g.fillText(c.xLabel, left + pw / 2, top + ph + 22);
  g.save(); g.translate(14, top + ph / 2); g.rotate(-Math.PI / 2); g.textBaseline = 'middle';
  g.fillText(c.yLabel, 0, 0); g.restore();
  let lx = left + pw;
  g.textAlign = 'right'; g.textBaseline = 'middle';
  for (const s of c.series.slice().reverse()) {
    const width = g.measureText(s.name).width;
    g.fillStyle = '#4a5260'; g.fillText(s.name, lx, 32);
    g.strokeStyle = s.color; g.lineWidth = 2.5; g.setLineDash(s.dashed ? [5, 3] : []);
    g.beginPath(); g.moveTo(lx - width - 26, 32); g.lineTo(lx - width - 6, 32); g.stroke();
    lx -= width + 42;
  }
  for (const s of c.series) {
    const points = s.points.filter(p => p[1] !== null && p[1] !== undefined);
    g.strokeStyle = s.color; g.fillStyle = s.color; g.lineWidth = 2; g.setLineDash(s.dashed ? [5, 3] : []);
    g.beginPath();
    points.forEach((p, i) => i ? g.lineTo(x(p[0]), y(p[1])) : g.moveTo(x(p[0]), y(p[1])));
    g.stroke();
    g.setLineDash([]);
    if (points.length < 40) points.forEach(p => { g.beginPath(); g.arc(x(p[0]), y(p[1]), 2.5, 0, 2 * Math.PI); g.fill(); });
  }
  g.textAlign = 'left'; g.textBaseline = 'bottom'; g.font = '600 12px system-ui, sans-serif';
  for (const m of c.marks || []) {
    g.strokeStyle = m.color; g.lineWidth = 2;
    g.beginPath(); g.arc(x(m.x), y(m.y), 6, 0, 2 * Math.PI); g.stroke();
    // A mark near the right edge is labelled on its left, so that its label stays on the canvas.
    const leftward = x(m.x) + 8 + g.measureText(m.label).width > w;
    g.textAlign = leftward ? 'right' : 'left';
    g.fillStyle = m.color; g.fillText(m.label, x(m.x) + (leftward ? -8 : 8), y(m.y) - 4);
  }
  return {x, y};
}
