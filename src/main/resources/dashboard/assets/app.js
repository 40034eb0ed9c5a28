// Costlens dashboard: CSRF for htmx, charts, command palette, shortcuts, tour. No build step.
(function () {
	'use strict';
	var body = document.body;
	var meta = function (name) {
		var m = document.querySelector('meta[name="' + name + '"]');
		return m ? m.getAttribute('content') : null;
	};

	// Every htmx request carries the session's CSRF token.
	document.addEventListener('htmx:configRequest', function (e) {
		var header = meta('csrf-header');
		var token = meta('csrf-token');
		if (header && token) {
			e.detail.headers[header] = token;
		}
	});
	document.addEventListener('htmx:beforeRequest', function (e) {
		var t = e.detail.target;
		if (t) { t.setAttribute('aria-busy', 'true'); }
	});
	document.addEventListener('htmx:afterRequest', function (e) {
		var t = e.detail.target;
		if (t) { t.removeAttribute('aria-busy'); }
	});

	// Selects that apply at once (the language switch).
	document.querySelectorAll('select.auto-submit').forEach(function (s) {
		s.addEventListener('change', function () { s.form.requestSubmit(); });
	});

	// Confirmation for destructive buttons.
	document.querySelectorAll('[data-confirm]').forEach(function (b) {
		b.addEventListener('click', function (e) {
			if (!window.confirm(b.getAttribute('data-confirm'))) { e.preventDefault(); }
		});
	});

	// Charts: the data is JSON next to the canvas; series differ by dash as well as colour.
	var colours = ['#1f5fa8', '#b3541e', '#2e7d32', '#6a1b9a'];
	function ticks(locale, money) {
		var format = new Intl.NumberFormat(locale, money
			? { style: 'currency', currency: 'USD', maximumSignificantDigits: 3 }
			: { maximumSignificantDigits: 4 });
		return { callback: function (v) { return format.format(v); } };
	}
	function drawCharts() {
		if (!window.Chart) { return; }
		document.querySelectorAll('script.chart-data').forEach(function (el) {
			var canvas = document.getElementById(el.getAttribute('data-for'));
			var data = JSON.parse(el.textContent);
			new window.Chart(canvas, {
				type: data.type,
				data: {
					labels: data.labels,
					datasets: data.series.map(function (s, i) {
						return {
							label: s.label, data: s.values, borderColor: colours[i % colours.length],
							backgroundColor: colours[i % colours.length], borderDash: s.dashed ? [6, 4] : [],
							pointStyle: ['circle', 'rect', 'triangle', 'crossRot'][i % 4], spanGaps: true,
							yAxisID: (data.dualAxis && i > 0) ? 'y1' : 'y'
						};
					})
				},
				options: {
					locale: data.locale, responsive: true, maintainAspectRatio: false, animation: false,
					interaction: { mode: 'index', intersect: false },
					// the legend shows each series' point shape, not a dashed box (which draws as a zig-zag)
					plugins: { legend: { labels: { usePointStyle: true } } },
					scales: data.dualAxis
						? {
							y: { beginAtZero: true, ticks: ticks(data.locale, data.series[0].money) },
							y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false },
								ticks: ticks(data.locale, data.series.length > 1 && data.series[1].money) }
						}
						: {
							// several bar series (the overview's modules) stack into one bar per bucket
							x: { stacked: data.type === 'bar' },
							y: { beginAtZero: true, stacked: data.type === 'bar', ticks: ticks(data.locale, data.series[0].money) }
						}
				}
			});
		});
	}

	// Dialogs.
	function open(id) {
		var d = document.getElementById(id);
		if (d && !d.open) { d.showModal(); }
		return d;
	}
	document.querySelectorAll('.close-dialog').forEach(function (b) {
		b.addEventListener('click', function () { b.closest('dialog').close(); });
	});

	// Command palette: htmx fetches the results; arrows move, Enter follows.
	var palette = document.getElementById('palette');
	function openPalette() {
		var d = open('palette');
		if (!d) { return; }
		var input = document.getElementById('palette-input');
		input.value = '';
		input.focus();
		if (window.htmx) { window.htmx.trigger(input, 'input'); }
	}
	if (palette) {
		var input = document.getElementById('palette-input');
		input.addEventListener('keydown', function (e) {
			var items = Array.prototype.slice.call(palette.querySelectorAll('[role="option"]'));
			if (!items.length) { return; }
			var current = items.findIndex(function (i) { return i.getAttribute('aria-selected') === 'true'; });
			if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
				e.preventDefault();
				var next = e.key === 'ArrowDown' ? Math.min(items.length - 1, current + 1) : Math.max(0, current - 1);
				items.forEach(function (i) { i.setAttribute('aria-selected', 'false'); });
				items[next].setAttribute('aria-selected', 'true');
				input.setAttribute('aria-activedescendant', items[next].id);
				items[next].scrollIntoView({ block: 'nearest' });
			}
			else if (e.key === 'Enter') {
				e.preventDefault();
				items[Math.max(0, current)].click();
			}
		});
		palette.addEventListener('click', function (e) {
			var help = e.target.closest('a[href="#help"]');
			if (help) { e.preventDefault(); palette.close(); open('help'); }
		});
		document.body.addEventListener('htmx:afterSwap', function (e) {
			if (e.detail.target.id === 'palette-results') {
				var first = palette.querySelector('[role="option"]');
				if (first) {
					first.setAttribute('aria-selected', 'true');
					input.setAttribute('aria-activedescendant', first.id);
				}
				var live = document.getElementById('live');
				var n = palette.querySelectorAll('[role="option"]').length;
				if (live) { live.textContent = n + ' ' + (palette.getAttribute('data-results-text') || ''); }
			}
		});
	}
	var openButton = document.getElementById('open-palette');
	if (openButton) { openButton.addEventListener('click', openPalette); }
	var helpButton = document.getElementById('open-help');
	if (helpButton) { helpButton.addEventListener('click', function () { open('help'); }); }

	// Shortcuts: Ctrl/Cmd+K always; single keys only while switched on and not typing (WCAG 2.1.4).
	var pending = null;
	var goto = { o: '/ui/', s: '/ui/scenarios', p: '/ui/predictions', k: '/ui/providers', d: '/ui/developers', r: '/ui/reports' };
	document.addEventListener('keydown', function (e) {
		if ((e.ctrlKey || e.metaKey) && (e.key === 'k' || e.key === 'K')) {
			e.preventDefault();
			openPalette();
			return;
		}
		if (body.getAttribute('data-shortcuts') !== 'true' || e.ctrlKey || e.metaKey || e.altKey) { return; }
		var t = e.target;
		if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) { return; }
		if (document.querySelector('dialog[open]')) { return; }
		if (e.key === '?') {
			e.preventDefault();
			open('help');
		}
		else if (pending === 'g' && goto[e.key]) {
			window.location.href = goto[e.key];
			pending = null;
		}
		else if (e.key === 'g') {
			pending = 'g';
			window.setTimeout(function () { pending = null; }, 1500);
		}
	});

	// Tour: shown once after the first sign-in until finished or dismissed (the server remembers).
	var tour = document.getElementById('tour');
	if (tour && body.getAttribute('data-tour-done') === 'false') {
		var steps = tour.querySelectorAll('[data-step]');
		var at = 0;
		var next = document.getElementById('tour-next');
		next.addEventListener('click', function () {
			steps[at].hidden = true;
			at = Math.min(steps.length - 1, at + 1);
			steps[at].hidden = false;
			if (at === steps.length - 1) { next.hidden = true; document.getElementById('tour-dismiss').focus(); }
		});
		tour.showModal();
	}

	if (document.readyState === 'complete') { drawCharts(); }
	else { window.addEventListener('load', drawCharts); }
})();
