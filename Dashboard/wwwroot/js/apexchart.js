// One module for every chart: the ApexCharts script is loaded once, charts are kept per element.
const charts = new WeakMap();
let loading;

function loadApexCharts() {
    if (window.ApexCharts) {
        return Promise.resolve();
    }

    loading ??= new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = new URL('../lib/apexcharts/apexcharts.min.js', import.meta.url).href;
        script.onload = resolve;
        script.onerror = () => reject(new Error('The ApexCharts script could not be loaded.'));
        document.head.appendChild(script);
    });
    return loading;
}

// Options arrive as JSON text, so C# decides exactly which keys exist (ApexCharts treats null differently from absent).
export async function create(element, optionsJson) {
    await loadApexCharts();
    destroy(element);
    const chart = new window.ApexCharts(element, JSON.parse(optionsJson));
    charts.set(element, chart);
    await chart.render();
}

export async function update(element, optionsJson) {
    const chart = charts.get(element);
    if (chart) {
        await chart.updateOptions(JSON.parse(optionsJson), true, false);
    } else {
        await create(element, optionsJson);
    }
}

export function destroy(element) {
    const chart = charts.get(element);
    if (chart) {
        chart.destroy();
        charts.delete(element);
    }
}
