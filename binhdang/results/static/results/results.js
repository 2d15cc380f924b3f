// binhdang results pages: trend charts (ECharts) and the print button.
// The Content-Security-Policy forbids inline scripts: chart data come from a <script type="application/json">
// element written by Django's json_script, and behaviour is attached to data- attributes here. Every figure
// shown in a chart is also in a table on the same page.
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-print]") : null;
    if (button) {
      event.preventDefault();
      window.print();
    }
  });

  var STATUS_COLOURS = {
    achieved: "#1b7f3b",
    on_track: "#4caf50",
    at_risk: "#e0a100",
    off_track: "#c62828",
    no_data: "#9aa1a9"
  };

  function formatter(decimal) {
    return function (value) {
      if (value === null || value === undefined || isNaN(value)) return "—";
      var text = (Math.round(value * 100) / 100).toString();
      var parts = text.split(".");
      var grouped = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, decimal === "," ? "." : ",");
      return parts.length > 1 ? grouped + decimal + parts[1] : grouped;
    };
  }

  function draw(spec, labels) {
    var element = document.getElementById(spec.id);
    if (!element || !window.echarts) return;
    var format = formatter(labels.decimal || ",");
    var unit = spec.unit === "%" ? "%" : "";
    var ranged = spec.low.some(function (low, i) { return low !== null && spec.high[i] !== low; });
    var series = [
      {
        name: labels.value,
        type: "line",
        data: spec.values.map(function (value, i) {
          return { value: value, itemStyle: { color: STATUS_COLOURS[spec.statuses[i]] || "#555" } };
        }),
        connectNulls: false,
        symbolSize: 10,
        lineStyle: { width: 3, color: "#1f4e79" },
        label: { show: true, position: "top", formatter: function (p) { return p.value === null ? "" : format(p.value) + unit; } }
      },
      {
        name: labels.target,
        type: "line",
        data: spec.low,
        symbol: "none",
        lineStyle: { type: "dashed", width: 2, color: "#7b8794" }
      }
    ];
    if (ranged) {
      series.push({
        name: labels.target_high,
        type: "line",
        data: spec.high,
        symbol: "none",
        lineStyle: { type: "dotted", width: 2, color: "#7b8794" }
      });
    }
    var chart = window.echarts.init(element, null, { renderer: "svg" });
    chart.setOption({
      animation: false,
      grid: { left: 56, right: 16, top: 32, bottom: 64 },
      tooltip: {
        trigger: "axis",
        valueFormatter: function (value) { return format(value) + unit; }
      },
      legend: { bottom: 0, textStyle: { fontSize: 11 } },
      xAxis: { type: "category", data: spec.years.map(String) },
      yAxis: { type: "value", scale: true, axisLabel: { formatter: function (v) { return format(v) + unit; } } },
      series: series
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }

  function init() {
    var source = document.getElementById("results-chart-data");
    if (!source) return;
    var data = JSON.parse(source.textContent);
    (data.charts || []).forEach(function (spec) { draw(spec, data.labels || {}); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
