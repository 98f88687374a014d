// Draws every [data-chart] element with ECharts from the option JSON the server wrote, and keeps it sized to its box.
(function () {
    'use strict';
    if (typeof echarts === 'undefined') { return; }
    var charts = [];
    // People who asked for less motion (and screenshots) get the finished chart at once.
    var still = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    document.querySelectorAll('[data-chart]').forEach(function (el) {
        try {
            var chart = echarts.init(el, null, { renderer: 'canvas' });
            var option = JSON.parse(el.getAttribute('data-chart'));
            if (still) { option.animation = false; }
            chart.setOption(option);
            el.setAttribute('data-drawn', 'true');
            charts.push(chart);
        } catch (e) {
            el.textContent = '图表无法显示，请查看下方数据表。';
        }
    });
    var pending = 0;
    window.addEventListener('resize', function () {
        clearTimeout(pending);
        pending = setTimeout(function () { charts.forEach(function (c) { c.resize(); }); }, 150);
    });
})();
