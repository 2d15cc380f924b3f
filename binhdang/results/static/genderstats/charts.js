// binhdang gender statistics: one line per sex (total, women, men) by year, drawn with ECharts.
// The data come from a <script type="application/json"> (the Content-Security-Policy forbids inline
// scripts); every figure of a chart is also in the table above it.
(function () {
  "use strict";
  var COLOURS = ["#1f4e79", "#b5179e", "#2a9d8f"];

  function draw(spec) {
    var element = document.getElementById(spec.id);
    if (!element || !window.echarts) return;
    var unit = spec.unit === "%" ? "%" : "";
    var names = Object.keys(spec.lines);
    var chart = window.echarts.init(element, null, { renderer: "svg" });
    chart.setOption({
      animation: false,
      color: COLOURS,
      grid: { left: 56, right: 16, top: 24, bottom: 56 },
      tooltip: { trigger: "axis" },
      legend: { bottom: 0 },
      xAxis: { type: "category", data: spec.years.map(String) },
      yAxis: { type: "value", scale: true, axisLabel: { formatter: function (v) { return String(v).replace(".", ",") + unit; } } },
      series: names.map(function (name) {
        return { name: name, type: "line", data: spec.lines[name], connectNulls: false, symbolSize: 8 };
      })
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }

  function init() {
    var source = document.getElementById("genderstats-chart-data");
    if (!source) return;
    (JSON.parse(source.textContent).charts || []).forEach(draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
