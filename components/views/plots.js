// Draw each chart a static page carries as JSON, over the HTML bars that stand in for it without a script.
// Loaded after plotly.min.js (both from this server, deferred): the figures are on screen before either arrives.
document.querySelectorAll(".kb-plot[data-plot]").forEach((box) => {
  const spec = JSON.parse(box.dataset.plot);
  box.textContent = "";
  Plotly.newPlot(box, spec.data, spec.layout, spec.config);
});
