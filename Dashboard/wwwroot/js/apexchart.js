// One module for every chart: the ApexCharts script is loaded once, charts are kept per element.
const charts = new WeakMap();
// Each element's draws, redraws and destroys run one after another, never interleaved.
const queues = new WeakMap();
let loading;

function loadApexCharts() {
    if (window.ApexCharts) {
        return Promise.resolve();
    }

    loading ??= new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = new URL('../lib/apexcharts/apexcharts.min.js', import.meta.url).href;
        script.onload = resolve;
        script.onerror = () => {
            loading = undefined;
            reject(new Error('The ApexCharts script could not be loaded.'));
        };
        document.head.appendChild(script);
    });
    return loading;
}

function queued(element, work) {
    const previous = queues.get(element) ?? Promise.resolve();
    const next = previous.catch(() => { }).then(work);
    queues.set(element, next);
    return next;
}

// Options arrive as JSON text, so C# decides exactly which keys exist (ApexCharts treats null differently from absent).
export function draw(element, optionsJson) {
    return queued(element, async () => {
        await loadApexCharts();
        // The page may have moved on while the script loaded: a chart on a detached element is not wanted.
        if (!element?.isConnected) {
            return;
        }

        const options = JSON.parse(optionsJson);
        const chart = charts.get(element);
        if (chart) {
            await chart.updateOptions(options, true, false);
        } else {
            const created = new window.ApexCharts(element, options);
            charts.set(element, created);
            await created.render();
        }
    });
}

export function destroy(element) {
    if (!element) {
        return Promise.resolve();
    }

    return queued(element, () => {
        const chart = charts.get(element);
        if (chart) {
            charts.delete(element);
            chart.destroy();
        }
    });
}
