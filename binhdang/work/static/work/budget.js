// binhdang budget panels: planned and spent funds by source as grouped bars (ECharts).
// The Content-Security-Policy forbids inline scripts: each panel's data come from a
// <script type="application/json"> written by Django's json_script; the same figures are in the table
// under the chart.
(function () {
  "use strict";
  if (window.binhdangBudgetCharts) return; // the script is included once per panel
  window.binhdangBudgetCharts = true;

  var COLOURS = ["#1f5fa8", "#1b7f3b", "#e0a100"];

  function grouped(value, decimal) {
    var text = Math.round(value).toString();
    return text.replace(/\B(?=(\d{3})+(?!\d))/g, decimal === "," ? "." : ",");
  }

  function draw(element) {
    var source = document.getElementById(element.getAttribute("data-budget-chart"));
    if (!source || !window.echarts) return;
    var data = JSON.parse(source.textContent);
    var format = function (value) { return grouped(value, data.decimal || ","); };
    if (!element.offsetHeight) element.style.height = "260px";
    var chart = window.echarts.init(element, null, { renderer: "svg" });
    chart.setOption({
      color: COLOURS,
      tooltip: { trigger: "axis", valueFormatter: function (value) { return format(value) + " " + data.unit; } },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: "category", data: data.sources, axisLabel: { interval: 0, width: 90, overflow: "break" } },
      yAxis: { type: "value", axisLabel: { formatter: function (v) { return format(v); } } },
      series: data.series.map(function (s) {
        return { name: s.name, type: "bar", data: s.values };
      })
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }

  function init() {
    var panels = document.querySelectorAll("[data-budget-chart]");
    if (!panels.length) return;
    var drawAll = function () { Array.prototype.forEach.call(panels, draw); };
    if (window.echarts) return drawAll();
    // ECharts is loaded only where a panel has a chart (the results pages' copy).
    var script = document.createElement("script");
    script.src = panels[0].getAttribute("data-echarts");
    script.onload = drawAll;
    document.head.appendChild(script);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
