// The ministry's national results: one ranked bar chart (ECharts) per indicator, provinces best first,
// each bar coloured by the province's status (off track in red), the national value as a line.
// No inline script (Content-Security-Policy): the data come from json_script. The same figures are in
// the table under each chart.
(function () {
  "use strict";

  var COLOURS = { achieved: "#1b7f3b", on_track: "#4caf50", at_risk: "#e0a100", off_track: "#c62828", no_data: "#9aa1a9" };

  function format(value, decimal) {
    if (value === null || value === undefined || isNaN(value)) return "—";
    var text = (Math.round(value * 100) / 100).toString();
    var parts = text.split(".");
    var grouped = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, decimal === "," ? "." : ",");
    return parts.length > 1 ? grouped + decimal + parts[1] : grouped;
  }

  function draw(spec, data) {
    var element = document.getElementById(spec.id);
    if (!element || !window.echarts) return;
    var decimal = (data.labels && data.labels.decimal) || ",";
    var unit = spec.unit === "%" ? "%" : "";
    element.style.height = Math.max(160, 22 * spec.names.length + 60) + "px";
    var chart = window.echarts.init(element, null, { renderer: "svg" });
    var series = {
      type: "bar",
      data: spec.values.map(function (value, i) {
        return { value: value, itemStyle: { color: COLOURS[spec.statuses[i]] || "#555" } };
      }),
      label: { show: true, position: "right", formatter: function (p) { return format(p.value, decimal) + unit; } }
    };
    if (spec.national !== null) {
      series.markLine = {
        symbol: "none",
        lineStyle: { type: "dashed", color: "#1f4e79", width: 2 },
        label: { position: "start", formatter: (data.labels.national || "") + " " + format(spec.national, decimal) + unit },
        data: [{ xAxis: spec.national }]
      };
    }
    chart.setOption({
      animation: false,
      grid: { left: 150, right: 56, top: 36, bottom: 24 },
      tooltip: {
        trigger: "item",
        formatter: function (p) {
          var status = (data.statuses || {})[spec.statuses[p.dataIndex]] || "";
          return p.name + ": " + format(p.value, decimal) + unit + (status ? " (" + status + ")" : "");
        }
      },
      xAxis: { type: "value", axisLabel: { formatter: function (v) { return format(v, decimal) + unit; } } },
      yAxis: { type: "category", inverse: true, data: spec.names, axisLabel: { fontSize: 11 } },
      series: [series]
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }

  function init() {
    var source = document.getElementById("national-chart-data");
    if (!source) return;
    var data = JSON.parse(source.textContent);
    (data.charts || []).forEach(function (spec) { draw(spec, data); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
