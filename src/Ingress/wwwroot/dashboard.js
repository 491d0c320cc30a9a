// The analytics dashboard: reads /api/bots and /api/bots/{bot}/analytics with the admin key and draws SVG charts.
// The key can come in the URL fragment (#key=…&bot=…&span=…), which browsers never send to the server.
const $ = id => document.getElementById(id);
const svgNs = "http://www.w3.org/2000/svg";
const spans = { "48h": { hours: 48, granularity: "hour" }, "7d": { hours: 168, granularity: "day" }, "30d": { hours: 720, granularity: "day" } };

function element(name, attributes, text) {
  const node = document.createElementNS(svgNs, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

async function api(path) {
  const response = await fetch(path, { headers: { "X-Api-Key": $("key").value } });
  if (response.status === 401 || response.status === 403)
    throw new Error("The admin key was refused. Enter the key the server was started with (Admin__ApiKey; in Development it prints it at start: dev-admin-key-change-me).");
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(`${path}: ${problem.detail || `HTTP ${response.status}`}`);
  }
  return response.json();
}

function label(start, granularity) {
  const at = new Date(start);
  return granularity === "hour" ? `${at.getUTCHours()}:00` : `${at.getUTCMonth() + 1}/${at.getUTCDate()}`;
}

// Said in the chart's middle instead of drawing an empty axis or a lone dot.
function noData(svg, text, detail) {
  svg.append(element("text", { class: "no-data", x: 300, y: 100, "text-anchor": "middle" }, text));
  if (detail) svg.append(element("text", { x: 300, y: 132, "text-anchor": "middle" }, detail));
}

// Vertical bars, one per bucket; empty buckets are simply absent, as the API leaves them out.
function drawBars(svg, points, className) {
  svg.replaceChildren();
  if (!points.some(p => p.value > 0))
    return noData(svg, "No messages yet in this span");
  const max = Math.max(1, ...points.map(p => p.value));
  const width = 560 / Math.max(points.length, 1);
  svg.append(element("line", { class: "axis", x1: 30, y1: 190, x2: 590, y2: 190 }));
  svg.append(element("text", { x: 0, y: 20 }, String(max)));
  points.forEach((point, i) => {
    const height = 170 * point.value / max;
    const bar = element("rect", { class: className, x: 30 + i * width + 1, y: 190 - height, width: Math.max(width - 2, 1), height, "data-value": point.value });
    bar.append(element("title", {}, `${point.label}: ${point.value}`));
    svg.append(bar);
    // At most eight labels: at a readable size more would run into each other.
    if (i % Math.ceil(points.length / 8) === 0)
      svg.append(element("text", { x: 30 + i * width, y: 212 }, point.label));
  });
}

// A line through the slots that had messages (a rate of nothing is not zero), placed by slot.
function drawLine(svg, points, slots) {
  svg.replaceChildren();
  if (points.length < 2)
    return points.length === 0 ? noData(svg, "No messages yet in this span")
      : noData(svg, "Not enough data for a trend yet", `${(100 * points[0].value).toFixed(1)}% in the only slot with messages (${points[0].label})`);
  svg.append(element("line", { class: "axis", x1: 30, y1: 190, x2: 590, y2: 190 }));
  svg.append(element("text", { x: 0, y: 20 }, "100%"));
  svg.append(element("text", { x: 0, y: 190 }, "0%"));
  const step = 560 / Math.max(slots - 1, 1);
  const coordinates = points.map(p => `${30 + p.x * step},${190 - 170 * p.value}`);
  svg.append(element("polyline", { class: "line", points: coordinates.join(" "), "data-points": points.length }));
  points.forEach(p => {
    const dot = element("circle", { cx: 30 + p.x * step, cy: 190 - 170 * p.value, r: 3, class: "fallback-bar", "data-value": p.value });
    dot.append(element("title", {}, `${p.label}: ${(100 * p.value).toFixed(1)}%`));
    svg.append(dot);
  });
}

function drawIntents(svg, intents) {
  svg.replaceChildren();
  const entries = Object.entries(intents).slice(0, 10);
  if (entries.length === 0)
    return noData(svg, "No intents yet in this span");
  const max = Math.max(1, ...entries.map(([, count]) => count));
  // The label column is as wide as the widest intent name as drawn, so none runs into its bar.
  const texts = entries.map(([intent], i) => svg.appendChild(element("text", { x: 0, y: 26 + i * 30 }, intent)));
  const widest = Math.max(...texts.map(text => { try { return text.getBBox().width; } catch { return 7.5 * text.textContent.length; } }));
  const labels = Math.min(340, Math.max(120, Math.ceil(widest) + 10));
  const bars = 560 - labels - 40;
  entries.forEach(([intent, count], i) => {
    svg.append(element("rect", { class: intent === "fallback" ? "fallback-bar" : "intent-bar", x: labels, y: 10 + i * 30, height: 20,
      width: bars * count / max, "data-value": count }));
    svg.append(element("text", { x: labels + 6 + bars * count / max, y: 26 + i * 30 }, String(count)));
  });
}

function showTotals(totals) {
  const figures = [["Messages", totals.messages], ["Unique senders", totals.uniqueSenders],
    ["No-answer rate (fallback replies)", `${(100 * totals.fallbackRate).toFixed(1)}%`], ["Mean confidence", totals.meanConfidence.toFixed(2)],
    ["NLU p50", `${totals.nluP50Milliseconds.toFixed(1)} ms`], ["NLU p95", `${totals.nluP95Milliseconds.toFixed(1)} ms`]];
  $("totals").replaceChildren(...figures.map(([name, value]) => {
    const box = document.createElement("div");
    box.append(name, Object.assign(document.createElement("b"), { textContent: value }));
    return box;
  }));
}

async function show() {
  const span = spans[$("span").value];
  const to = new Date(Date.now() + 60_000);
  const from = new Date(to.getTime() - span.hours * 3_600_000);
  $("status").textContent = "Loading…";
  try {
    const report = await api(`/api/bots/${encodeURIComponent($("bot").value)}/analytics?from=${from.toISOString()}&to=${to.toISOString()}&granularity=${span.granularity}`);
    // Every hour or day of the span gets its slot; the API lists only those with messages.
    const step = span.granularity === "hour" ? 3_600_000 : 86_400_000;
    const byStart = new Map(report.buckets.map(b => [Date.parse(b.start), b.figures]));
    const slots = [];
    for (let at = Math.floor(from.getTime() / step) * step; at < to.getTime(); at += step)
      slots.push({ label: label(at, span.granularity), figures: byStart.get(at) });
    drawBars($("volume-chart"), slots.map(s => ({ label: s.label, value: s.figures ? s.figures.messages : 0 })), "bar");
    drawLine($("fallback-chart"), slots.map((s, i) => ({ label: s.label, x: i, value: s.figures?.fallbackRate })).filter(p => p.value !== undefined),
      slots.length);
    drawIntents($("intent-chart"), report.totals.intents);
    showTotals(report.totals);
    document.dispatchEvent(new CustomEvent("bot-shown", { detail: { bot: $("bot").value } }));
    $("status").textContent = `Bot ${report.botId}: ${report.totals.messages} messages from ${from.toISOString()} to ${to.toISOString()}.`;
    document.body.dataset.loaded = "true";
  } catch (error) {
    $("status").textContent = error.message;
  }
}

async function loadBots() {
  const bots = await api("/api/bots");
  $("bot").replaceChildren(...bots.map(bot => new Option(bot.name || bot.id, bot.id)));
}

$("controls").addEventListener("submit", async event => {
  event.preventDefault();
  sessionStorage.setItem("apiKey", $("key").value);
  try {
    if ($("bot").options.length === 0) await loadBots();
    await show();
  } catch (error) {
    $("status").textContent = error.message;
  }
});

(async () => {
  const fragment = new URLSearchParams(location.hash.slice(1));
  $("key").value = fragment.get("key") || sessionStorage.getItem("apiKey") || "";
  if (fragment.get("span") in spans) $("span").value = fragment.get("span");
  if (!$("key").value) return;
  try {
    await loadBots();
    if (fragment.get("bot")) $("bot").value = fragment.get("bot");
    await show();
  } catch (error) {
    $("status").textContent = error.message;
  }
})();
