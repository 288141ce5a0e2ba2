// Dateline's web page: every view is drawn from the JSON API.
// Rule: data (story text, names, quotes) only ever becomes DOM through text nodes or
// setAttribute, never parsed as HTML, so a story cannot inject markup or script.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
const PAGE_SIZE = 25;

// -- DOM helpers --------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "onclick") node.addEventListener("click", value);
    else if (key === "onsubmit") node.addEventListener("submit", value);
    else node.setAttribute(key, String(value));
  }
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

function view() {
  return document.getElementById("view");
}

function show(...children) {
  append(clear(view()), children);
}

// -- API and routing -------------------------------------------------------------------------

async function api(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && value !== "") query.set(key, value);
  }
  const url = query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.message || (typeof body.detail === "string" ? body.detail : `HTTP ${response.status}`));
  return body;
}

function parseHash() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [path, search] = hash.split("?");
  const parts = path.split("/").map(decodeURIComponent);
  return { name: parts[0] || "stories", arg: parts.slice(1).join("/"), params: new URLSearchParams(search || "") };
}

function link(route, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) if (value) query.set(key, value);
  return `#/${route}${query.toString() ? "?" + query : ""}`;
}

const ROUTES = { stories: storiesView, story: storyView, actors: actorsView, timeline: timelineView, network: networkView, map: mapView, clusters: clustersView, cluster: clusterView };

async function route() {
  const { name, arg, params } = parseHash();
  for (const a of document.querySelectorAll("[data-nav]")) {
    if (a.dataset.nav === name) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  const render = ROUTES[name] || storiesView;
  hideCastTip();
  try {
    await render(arg, params);
  } catch (error) {
    show(el("p", { class: "error", role: "alert" }, `Could not load this view: ${error.message}`));
  }
}

function go(route_, params) {
  location.hash = link(route_, params);
}

function formValues(form) {
  const values = {};
  for (const [key, value] of new FormData(form).entries()) values[key] = String(value).trim();
  return values;
}

function field(label, name, value, attrs) {
  const id = `f-${name}`;
  return el("label", { for: id }, label, el("input", { id, name, value: value || "", ...attrs }));
}

function select(label, name, value, options) {
  const id = `f-${name}`;
  const box = el("select", { id, name }, options.map(([v, text]) => el("option", { value: v, selected: v === value }, text)));
  return el("label", { for: id }, label, box);
}

function pager(total, offset, onPage) {
  const next = offset + PAGE_SIZE;
  return el("div", { class: "pager" },
    el("button", { type: "button", disabled: offset <= 0, onclick: () => onPage(Math.max(0, offset - PAGE_SIZE)) }, "← Previous"),
    el("span", {}, total ? `${offset + 1}–${Math.min(next, total)} of ${total}` : "nothing found"),
    el("button", { type: "button", disabled: next >= total, onclick: () => onPage(next) }, "Next →"));
}

// -- stories list ------------------------------------------------------------------------------

async function storiesView(_arg, params) {
  const offset = Number(params.get("offset") || 0);
  const filter = { q: params.get("q"), source: params.get("source"), date_from: params.get("date_from"), date_to: params.get("date_to") };
  const data = await api("/api/stories", { ...filter, limit: PAGE_SIZE, offset });
  const form = el("form", { class: "filters", role: "search", onsubmit: (e) => { e.preventDefault(); go("stories", formValues(e.target)); } },
    field("Text", "q", filter.q, { type: "search", placeholder: "words in the story" }),
    field("Source", "source", filter.source, { placeholder: "TASS, Reuters…" }),
    field("From", "date_from", filter.date_from, { type: "date" }),
    field("To", "date_to", filter.date_to, { type: "date" }),
    el("button", { type: "submit" }, "Search"));
  const rows = data.items.map((s) => el("li", { class: "story-item" },
    el("a", { href: link(`story/${encodeURIComponent(s.id)}`) }, s.title || s.id),
    el("span", { class: "meta" }, [s.source, s.published, s.place].filter(Boolean).join(" · "),
      ` · ${s.quotes} quotes · ${s.events} events`),
    el("p", { class: "opening" }, s.opening)));
  show(el("h1", {}, "Stories"), form, el("ul", { class: "stories" }, rows),
    pager(data.total, offset, (o) => go("stories", { ...filter, offset: o })));
}

// -- one story ---------------------------------------------------------------------------------

function storyMarks(story) {
  // every highlighted stretch of the text, with the record it belongs to
  const marks = [];
  story.entities.forEach((e, i) => marks.push({ start: e.start, end: e.end, kind: "entity", index: i }));
  story.quotes.forEach((q, i) => {
    const parts = q.parts && q.parts.length ? q.parts : [{ start: q.start, end: q.end }];
    parts.forEach((p) => marks.push({ start: p.start, end: p.end, kind: "quote", index: i }));
    if (q.speaker_mention) marks.push({ start: q.speaker_mention.start, end: q.speaker_mention.end, kind: "speaker", index: i });
    if (q.cue) marks.push({ start: q.cue.start, end: q.cue.end, kind: "cue", index: i });
  });
  story.events.forEach((v, i) => marks.push({ start: v.trigger.start, end: v.trigger.end, kind: "event", index: i }));
  (story.cast || []).forEach((member, i) => member.mentions.forEach((x, j) =>
    marks.push({ start: x.start, end: x.end, kind: "cast", index: i, mention: j })));
  return marks.filter((m) => m.end > m.start);
}

// -- the cast: who each name, description and pronoun refers to ---------------------------------

function linkKind(how) {
  // the cast stage starts each reason with how it linked: "name: …", "pronoun 'he': …", "description: …"
  const word = (how || "").split(/[\s:]/)[0];
  return /^[a-z_]+$/.test(word) ? word : "other";
}

function memberLabel(member) {
  return [member.actor, member.kind].filter(Boolean).join(" · ");
}

function narrowestCast(piece) {
  const casts = piece.marks.filter((m) => m.kind === "cast");
  return casts.length ? casts.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a)) : null;
}

function castTip() {
  let tip = document.getElementById("cast-tip");
  if (!tip) {
    tip = el("div", { id: "cast-tip", class: "cast-tip", role: "tooltip", hidden: true });
    document.body.append(tip);
  }
  return tip;
}

function showCastTip(story, node) {
  const [i, j] = node.dataset.castMention.split(":").map(Number);
  const member = story.cast[i];
  const mention = member && member.mentions[j];
  if (!mention) return;
  const tip = clear(castTip());
  append(tip, [
    el("strong", { class: "cast-name" }, member.name), " ", el("span", { class: "cast-code" }, memberLabel(member)),
    el("div", { class: "cast-how" }, `“${mention.text}” — ${mention.how}`),
    el("div", { class: "meta" }, `${member.mentions.length} mention${member.mentions.length === 1 ? "" : "s"} in this story`),
  ]);
  tip.hidden = false;
  // CSSOM, not a style attribute: the Content-Security-Policy allows only the style sheet
  const box = node.getBoundingClientRect();
  const left = Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
  tip.style.left = `${Math.max(window.scrollX + 4, left)}px`;
  tip.style.top = `${window.scrollY + box.bottom + 6}px`;
}

function hideCastTip() {
  const tip = document.getElementById("cast-tip");
  if (tip) tip.hidden = true;
}

function castSection(story, section) {
  // members with most mentions first: the story's main participants lead the list
  const order = (story.cast || []).map((m, i) => i).sort((a, b) => story.cast[b].mentions.length - story.cast[a].mentions.length || a - b);
  const items = order.map((i) => {
    const member = story.cast[i];
    const kinds = [...new Set(member.mentions.map((x) => linkKind(x.how)))].join(", ");
    return recordButton(`${member.name} · ${member.mentions.length}`, `${memberLabel(member)}${kinds ? " · by " + kinds : ""}`, () => flash("cast", i));
  });
  return section("Cast", items, "No cast.");
}

function segments(text, marks) {
  // cut the text at every mark boundary; each piece knows which marks cover it
  const cuts = new Set([0, text.length]);
  for (const m of marks) { cuts.add(Math.max(0, Math.min(m.start, text.length))); cuts.add(Math.max(0, Math.min(m.end, text.length))); }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    pieces.push({ start, end, marks: marks.filter((m) => m.start <= start && m.end >= end) });
  }
  return pieces;
}

function speakerLabel(quote) {
  if (quote.speaker) return quote.speaker.actor ? `${quote.speaker.name} (${quote.speaker.actor})` : quote.speaker.name;
  if (quote.speaker_mention) return `${quote.speaker_mention.text} (unresolved)`;
  return "unknown speaker";
}

function eventLabel(v) {
  const who = `${v.source.join(" + ") || "?"} → ${v.target.join(" + ") || "–"}`;
  return `${v.cameo} ${v.cameo_name}: ${who}`;
}

function pieceNode(story, piece, firstOfQuote) {
  const text = story.text.slice(piece.start, piece.end);
  if (!piece.marks.length) return document.createTextNode(text);
  const classes = new Set(["mark"]);
  const data = { entity: [], quote: [], event: [], speaker: [], cue: [], cast: [] };
  const titles = [];
  for (const m of piece.marks) {
    data[m.kind].push(m.index);
    classes.add(m.kind);
    if (m.kind === "entity") { const e = story.entities[m.index]; classes.add(`label-${e.label}`); titles.push(`${e.label}${e.actor ? " · " + e.actor : ""}`); }
    if (m.kind === "quote") titles.push(`Quote (${story.quotes[m.index].kind}) by ${speakerLabel(story.quotes[m.index])}`);
    if (m.kind === "speaker") titles.push(`Speaker of quote ${m.index + 1}`);
    if (m.kind === "event") { const v = story.events[m.index]; classes.add(`quad-${v.quad}`); titles.push(`Event ${eventLabel(v)}`); }
  }
  const cast = narrowestCast(piece);
  if (cast) classes.add(`link-${linkKind(story.cast[cast.index].mentions[cast.mention].how)}`);
  const attrs = { class: [...classes].join(" "), title: titles.length ? titles.join("\n") : null };
  for (const [kind, list] of Object.entries(data)) if (list.length) attrs[`data-${kind}`] = list.join(" ");
  if (cast) attrs["data-cast-mention"] = `${cast.index}:${cast.mention}`;
  const quote = data.quote[0];
  if (quote !== undefined && firstOfQuote.get(quote) === piece) {
    Object.assign(attrs, { tabindex: 0, role: "button", "aria-label": `Quote ${quote + 1} by ${speakerLabel(story.quotes[quote])}` });
  }
  return el("span", attrs, text);
}

function storyText(story) {
  const pieces = segments(story.text, storyMarks(story));
  const firstOfQuote = new Map();
  for (const piece of pieces) {
    for (const m of piece.marks) if (m.kind === "quote" && !firstOfQuote.has(m.index) && piece.marks.find((x) => x.kind === "quote") === m) firstOfQuote.set(m.index, piece);
  }
  return el("article", { class: "story-text", id: "story-text", "aria-label": "Story text" }, pieces.map((p) => pieceNode(story, p, firstOfQuote)));
}

function flash(kind, index) {
  for (const old of document.querySelectorAll(".flash")) old.classList.remove("flash");
  const nodes = document.querySelectorAll(`#story-text [data-${kind}~="${Number(index)}"]`);
  if (!nodes.length) return;
  nodes.forEach((n) => n.classList.add("flash"));
  nodes[0].scrollIntoView({ block: "center", behavior: "smooth" });
  if (!nodes[0].hasAttribute("tabindex")) nodes[0].setAttribute("tabindex", "-1");
  nodes[0].focus({ preventScroll: true });
}

function showSpeaker(story, index) {
  const quote = story.quotes[index];
  const card = clear(document.getElementById("speaker-card"));
  card.classList.add("open");
  append(card, [
    el("strong", { class: "speaker-name" }, speakerLabel(quote)),
    el("span", { class: "meta" }, ` ${quote.kind} quote${quote.cue ? `, cue “${quote.cue.text}”` : ""}`),
    quote.speaker_mention ? el("div", { class: "meta" }, `named in the text as “${quote.speaker_mention.text}”`) : null,
    castLine(story, quote.speaker, "speaker"), castLine(story, quote.via, "speaking for"),
  ]);
  for (const old of document.querySelectorAll(".selected")) old.classList.remove("selected");
  document.querySelectorAll(`#story-text [data-quote~="${Number(index)}"], #story-text [data-speaker~="${Number(index)}"]`)
    .forEach((n) => n.classList.add("selected"));
}

function castLine(story, who, role) {
  const member = who && who.cast ? (story.cast || []).find((m) => m.id === who.cast) : null;
  if (!member) return null;
  return el("div", { class: "meta" }, `${role}: ${member.name} (${memberLabel(member)}), ${member.mentions.length} mentions in the cast`);
}

function showEvent(story, index) {
  const v = story.events[index];
  const card = clear(document.getElementById("speaker-card"));
  card.classList.add("open");
  append(card, [el("strong", {}, eventLabel(v)),
    el("div", { class: "meta" }, `QuadClass ${v.quad} (${QUAD_NAMES[v.quad] || "?"}), Goldstein ${v.goldstein}, ${v.date || "no date"}`)]);
}

function onTextActivate(story, target) {
  const piece = target.closest(".mark");
  if (!piece) return;
  if (piece.dataset.quote) showSpeaker(story, Number(piece.dataset.quote.split(" ")[0]));
  else if (piece.dataset.speaker) showSpeaker(story, Number(piece.dataset.speaker.split(" ")[0]));
  else if (piece.dataset.event) showEvent(story, Number(piece.dataset.event.split(" ")[0]));
}

function recordButton(label, detail, onclick) {
  return el("li", {}, el("button", { type: "button", class: "record", onclick }, el("span", { class: "record-main" }, label), detail ? el("span", { class: "record-detail" }, detail) : null));
}

function storySidebar(story) {
  const quotes = story.quotes.map((q, i) => recordButton(`“${q.text}”`, `— ${speakerLabel(q)} · ${q.kind}`,
    () => { showSpeaker(story, i); flash("quote", i); }));
  const events = story.events.map((v, i) => {
    const item = recordButton(eventLabel(v),
      `${v.date || "no date"} · Goldstein ${v.goldstein} · “${v.trigger.text}”${v.modality.length ? " · " + v.modality.join(", ") : ""}`,
      () => { showEvent(story, i); flash("event", i); });
    if (v.cluster) item.append(el("a", { class: "reported-by", href: link(`cluster/${encodeURIComponent(v.cluster)}`) }, reportedBy(v.reported_by)));
    return item;
  });
  const entities = story.entities.map((e, i) => recordButton(e.text, `${e.label}${e.actor ? " · " + e.actor : ""}`, () => flash("entity", i)));
  const section = (title, items, empty) => el("section", { class: "records" },
    el("h2", {}, `${title} (${items.length})`), items.length ? el("ul", {}, items) : el("p", { class: "meta" }, empty));
  return el("aside", { class: "sidebar", "aria-label": "Extracted records" },
    el("div", { id: "speaker-card", class: "speaker-card", role: "status", "aria-live": "polite" }, "Click a quote or an event in the text (or Tab to it and press Enter) to see who said or did it. Hover a name, description or pronoun to see who it is."),
    castSection(story, section),
    section("Quotes", quotes, "No quotes found."),
    section("Events", events, "No events coded."),
    section("Entities", entities, "No entities."));
}

async function storyView(storyId, params) {
  const story = await api(`/api/stories/${encodeURIComponent(storyId)}`);
  const text = storyText(story);
  text.addEventListener("click", (e) => onTextActivate(story, e.target));
  text.addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === " ") { e.preventDefault(); onTextActivate(story, e.target); }
  });
  text.addEventListener("mouseover", (e) => {
    const node = e.target.closest("[data-cast-mention]");
    if (node) showCastTip(story, node); else hideCastTip();
  });
  text.addEventListener("focusin", (e) => { if (e.target.dataset.castMention) showCastTip(story, e.target); });
  text.addEventListener("mouseleave", hideCastTip);
  text.addEventListener("focusout", hideCastTip);
  const dateline = story.dateline ? `${story.dateline.place || story.dateline.text} (${story.dateline.country || "?"})` : null;
  const legend = el("p", { class: "legend" }, "Highlighted: ",
    el("span", { class: "mark entity" }, "entity"), " ", el("span", { class: "mark quote" }, "quote"), " ",
    el("span", { class: "mark speaker" }, "speaker"), " ", el("span", { class: "mark cue" }, "cue"), " ",
    el("span", { class: "mark cast link-pronoun" }, "description or pronoun (hover any name: who)"), " ",
    el("span", { class: "mark event quad-1" }, "cooperation event"), " ", el("span", { class: "mark event quad-4" }, "conflict event"));
  const copy = story.copy_of ? el("p", { class: "meta copy-note" }, "Republished copy of ",
    el("a", { href: link(`story/${encodeURIComponent(story.copy_of)}`) }, story.copy_of), ": its events are not counted again.") : null;
  show(el("h1", {}, story.title || story.id),
    el("p", { class: "meta" }, [story.source, story.published, dateline, story.id].filter(Boolean).join(" · ")), copy,
    legend, el("div", { class: "story-layout" }, text, storySidebar(story)));
  const focus = params && params.get("event");  // opened from the map: show that event's span
  if (focus !== null && focus !== undefined && story.events[Number(focus)]) {
    showEvent(story, Number(focus));
    flash("event", Number(focus));
  }
}

// -- actors ------------------------------------------------------------------------------------

async function actorsView(_arg, params) {
  const offset = Number(params.get("offset") || 0);
  const filter = { q: params.get("q"), country: params.get("country") };
  const data = await api("/api/actors", { ...filter, limit: PAGE_SIZE, offset });
  const form = el("form", { class: "filters", role: "search", onsubmit: (e) => { e.preventDefault(); go("actors", formValues(e.target)); } },
    field("Code or name", "q", filter.q, { type: "search", placeholder: "CHN, Lavrov…" }),
    field("Country", "country", filter.country, { placeholder: "RUS", maxlength: 3 }),
    el("button", { type: "submit" }, "Search"));
  const head = el("tr", {}, ["Code", "Name", "Kind", "Stories", "Mentions", "Acts", "Acted on", "Quotes", ""].map((h) => el("th", { scope: "col" }, h)));
  const rows = data.items.map((a) => el("tr", {},
    el("td", {}, el("code", {}, a.code)), el("td", {}, a.name), el("td", {}, a.kind),
    ...[a.stories, a.mentions, a.events_as_source, a.events_as_target, a.quotes].map((n) => el("td", { class: "num" }, n)),
    el("td", {}, el("a", { href: link("network", { country: a.code.slice(0, 3) }) }, "network"), " ",
      el("a", { href: link("timeline", { a: a.code }) }, "timeline"))));
  show(el("h1", {}, "Actors"), form, el("table", { class: "grid" }, el("thead", {}, head), el("tbody", {}, rows)),
    pager(data.total, offset, (o) => go("actors", { ...filter, offset: o })));
}

// -- dyad timeline -----------------------------------------------------------------------------

function byPeriod(items) {
  const periods = new Map();
  for (const row of items) {
    if (!periods.has(row.period)) periods.set(row.period, { period: row.period, quads: { 1: 0, 2: 0, 3: 0, 4: 0 }, goldsteinSum: 0, n: 0 });
    const p = periods.get(row.period);
    p.quads[row.quad] = (p.quads[row.quad] || 0) + row.events;
    if (row.mean_goldstein !== null) { p.goldsteinSum += row.mean_goldstein * row.events; p.n += row.events; }
  }
  return [...periods.values()].map((p) => ({ ...p, goldstein: p.n ? p.goldsteinSum / p.n : null }));
}

function timelineChart(data) {
  const periods = byPeriod(data.items);
  const [width, height, left, right, top, bottom] = [900, 340, 110, 80, 24, 56];
  const plotW = width - left - right;
  const mid = top + (height - top - bottom) / 2;
  const half = (height - top - bottom) / 2;
  const maxCount = Math.max(1, ...periods.map((p) => Math.max(p.quads[1] + p.quads[2], p.quads[3] + p.quads[4])));
  const slot = plotW / Math.max(1, periods.length);
  const barW = Math.max(2, Math.min(48, slot * 0.7));
  const y = (n) => (n / maxCount) * half;
  const gy = (g) => mid - (g / 10) * half;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart", role: "img", "aria-labelledby": "chart-title" },
    svg("title", { id: "chart-title" }, `Events between ${data.a} and ${data.b} per ${data.interval}: cooperation above the line, conflict below, mean Goldstein as a line`));
  chart.append(svg("line", { x1: left, x2: width - right, y1: mid, y2: mid, class: "axis" }));
  for (const [value, label] of [[maxCount, `${maxCount}`], [-maxCount, `${maxCount}`]]) {
    chart.append(svg("text", { x: left - 6, y: mid - (value / maxCount) * half + 4, class: "tick", "text-anchor": "end" }, label));
  }
  chart.append(svg("text", { x: left - 6, y: mid + 4, class: "tick", "text-anchor": "end" }, "0"));
  for (const g of [10, 0, -10]) chart.append(svg("text", { x: width - right + 6, y: gy(g) + 4, class: "tick goldstein-tick" }, `${g > 0 ? "+" : ""}${g}`));
  chart.append(svg("text", { x: width - 4, y: top - 8, class: "tick goldstein-tick", "text-anchor": "end" }, "Goldstein"));
  chart.append(svg("text", { x: 4, y: mid - half / 2, class: "tick" }, "cooperation ↑"));
  chart.append(svg("text", { x: 4, y: mid + half / 2, class: "tick" }, "conflict ↓"));
  const line = [];
  const labelEvery = Math.ceil(periods.length / 12);
  periods.forEach((p, i) => {
    const cx = left + slot * i + slot / 2;
    let up = mid;
    for (const q of [1, 2]) { const h = y(p.quads[q]); if (h) { up -= h; chart.append(svg("rect", { x: cx - barW / 2, y: up, width: barW, height: h, class: `bar quad-${q}` }, svg("title", {}, `${p.period}: ${p.quads[q]} ${QUAD_NAMES[q]}`))); } }
    let down = mid;
    for (const q of [3, 4]) { const h = y(p.quads[q]); if (h) { chart.append(svg("rect", { x: cx - barW / 2, y: down, width: barW, height: h, class: `bar quad-${q}` }, svg("title", {}, `${p.period}: ${p.quads[q]} ${QUAD_NAMES[q]}`))); down += h; } }
    if (p.goldstein !== null) line.push([cx, gy(p.goldstein), p]);
    if (i % labelEvery === 0) chart.append(svg("text", { x: cx, y: height - bottom + 18, class: "tick", "text-anchor": "middle" }, p.period));
  });
  if (line.length > 1) chart.append(svg("polyline", { points: line.map(([px, py]) => `${px},${py}`).join(" "), class: "goldstein" }));
  for (const [px, py, p] of line) chart.append(svg("circle", { cx: px, cy: py, r: 4, class: "goldstein-dot" }, svg("title", {}, `${p.period}: mean Goldstein ${p.goldstein.toFixed(2)}`)));
  return chart;
}

function timelineLegend() {
  return el("p", { class: "legend" }, [1, 2, 3, 4].map((q) => [el("span", { class: `swatch quad-${q}` }), ` ${QUAD_NAMES[q]} `]),
    el("span", { class: "swatch goldstein-swatch" }), " mean Goldstein (right axis)");
}

async function timelineView(_arg, params) {
  const spec = { a: params.get("a") || "", b: params.get("b") || "", interval: params.get("interval") || "month", direction: params.get("direction") || "both", count: params.get("count") || "clusters" };
  const form = el("form", { class: "filters", onsubmit: (e) => { e.preventDefault(); go("timeline", formValues(e.target)); } },
    field("Actor A", "a", spec.a, { placeholder: "CHN or CHNGOV", required: true }),
    field("Actor B", "b", spec.b, { placeholder: "RUS", required: true }),
    select("Per", "interval", spec.interval, [["day", "day"], ["week", "week"], ["month", "month"], ["year", "year"]]),
    select("Direction", "direction", spec.direction, [["both", "both ways"], ["a_to_b", "A acting on B"]]),
    countSelect(spec.count),
    el("button", { type: "submit" }, "Draw"));
  const intro = el("p", { class: "meta" }, "A three-letter code stands for every actor of that country (CHN = CHN, CHNGOV, CHNMIL, …).");
  if (!spec.a || !spec.b) { show(el("h1", {}, "Dyad timeline"), form, intro); return; }
  const data = await api("/api/dyads/timeline", spec);
  const title = el("h1", {}, `${data.a} – ${data.b}`);
  if (!data.items.length) { show(title, form, intro, el("p", { class: "empty" }, "No events between these actors.")); return; }
  const periods = byPeriod(data.items);
  const table = el("table", { class: "grid" },
    el("thead", {}, el("tr", {}, ["Period", ...[1, 2, 3, 4].map((q) => QUAD_NAMES[q]), "Mean Goldstein"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, periods.map((p) => el("tr", {}, el("td", {}, p.period), [1, 2, 3, 4].map((q) => el("td", { class: "num" }, p.quads[q])),
      el("td", { class: "num" }, p.goldstein === null ? "–" : p.goldstein.toFixed(2))))));
  const csv = el("a", { href: `/api/dyads/timeline?${new URLSearchParams({ ...spec, format: "csv" })}` }, "Download CSV");
  show(title, form, intro, el("figure", { class: "chart-box" }, timelineChart(data), timelineLegend()), table, el("p", {}, csv));
}

// -- network -----------------------------------------------------------------------------------

function edgeClass(goldstein) {
  if (goldstein === null) return "edge";
  return goldstein > 0.5 ? "edge coop" : goldstein < -0.5 ? "edge conflict" : "edge neutral";
}

function networkChart(edges) {
  const size = 640, center = size / 2, radius = size / 2 - 90;
  const weight = new Map();
  for (const e of edges) for (const n of [e.source, e.target]) weight.set(n, (weight.get(n) || 0) + e.events);
  const nodes = [...weight.keys()].sort((x, y) => weight.get(y) - weight.get(x) || x.localeCompare(y));
  const pos = new Map(nodes.map((n, i) => {
    const angle = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    return [n, [center + radius * Math.cos(angle), center + radius * Math.sin(angle), angle]];
  }));
  const maxEvents = Math.max(1, ...edges.map((e) => e.events));
  const chart = svg("svg", { viewBox: `0 0 ${size} ${size}`, class: "chart network", role: "img", "aria-labelledby": "net-title" },
    svg("title", { id: "net-title" }, `Actor network: ${nodes.length} actors, ${edges.length} directed links`),
    svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 12, markerHeight: 12, markerUnits: "userSpaceOnUse", orient: "auto" },
      svg("path", { d: "M 0 0 L 10 5 L 0 10 z", class: "arrow" }))));
  const maxWeight = Math.max(1, ...weight.values());
  const radiusOf = (n) => 5 + 11 * Math.sqrt(weight.get(n) / maxWeight);
  for (const e of edges) {
    const [[x1, y1], [x2, y2]] = [pos.get(e.source), pos.get(e.target)];
    // stop the line at the target's rim so the arrowhead stays visible
    const length = Math.hypot(x2 - x1, y2 - y1) || 1;
    const cut = (radiusOf(e.target) + 3) / length;
    chart.append(svg("line", { x1, y1, x2: x2 - (x2 - x1) * cut, y2: y2 - (y2 - y1) * cut, class: edgeClass(e.mean_goldstein), "stroke-width": 1 + 7 * Math.sqrt(e.events / maxEvents), "marker-end": "url(#arrow)" },
      svg("title", {}, `${e.source} → ${e.target}: ${e.events} events, mean Goldstein ${e.mean_goldstein}`)));
  }
  for (const n of nodes) {
    const [x, yy, angle] = pos.get(n);
    const r = radiusOf(n);
    const lx = center + (radius + 22) * Math.cos(angle), ly = center + (radius + 22) * Math.sin(angle);
    chart.append(svg("circle", { cx: x, cy: yy, r, class: "node" }, svg("title", {}, `${n}: ${weight.get(n)} events`)));
    chart.append(svg("text", { x: lx, y: ly + 4, class: "node-label", "text-anchor": Math.cos(angle) > 0.2 ? "start" : Math.cos(angle) < -0.2 ? "end" : "middle" }, n));
  }
  return chart;
}

async function networkView(_arg, params) {
  const spec = { level: params.get("level") || "actor", country: params.get("country") || "", min_events: params.get("min_events") || "1", limit: "60", count: params.get("count") || "clusters" };
  const form = el("form", { class: "filters", onsubmit: (e) => { e.preventDefault(); go("network", formValues(e.target)); } },
    select("Level", "level", spec.level, [["actor", "actors"], ["country", "countries"]]),
    field("Involving country", "country", spec.country, { placeholder: "CHN", maxlength: 3 }),
    field("At least", "min_events", spec.min_events, { type: "number", min: 1, max: 100000 }),
    countSelect(spec.count),
    el("button", { type: "submit" }, "Draw"));
  const data = await api("/api/network", spec);
  if (!data.items.length) { show(el("h1", {}, "Actor network"), form, el("p", { class: "empty" }, "No interactions found.")); return; }
  const rows = data.items.map((e) => el("tr", {},
    el("td", {}, el("code", {}, e.source)), el("td", {}, el("code", {}, e.target)),
    el("td", { class: "num" }, e.events), el("td", { class: "num" }, e.cooperation), el("td", { class: "num" }, e.conflict),
    el("td", { class: "num" }, e.mean_goldstein), el("td", {}, el("a", { href: link("timeline", { a: e.source, b: e.target }) }, "timeline"))));
  const table = el("table", { class: "grid" },
    el("thead", {}, el("tr", {}, ["Source", "Target", "Events", "Cooperation", "Conflict", "Mean Goldstein", ""].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, rows));
  const legend = el("p", { class: "legend" }, el("span", { class: "swatch coop-swatch" }), " cooperative (mean Goldstein > 0.5) ",
    el("span", { class: "swatch conflict-swatch" }), " conflictual (< −0.5) ", el("span", { class: "swatch neutral-swatch" }), " neutral; line width = events");
  show(el("h1", {}, "Actor network"), form, el("div", { class: "network-layout" }, el("figure", { class: "chart-box" }, networkChart(data.items), legend), el("div", { class: "table-box" }, table)));
}

// -- event clusters: one real-world event, every story that reports it -------------------------

function reportedBy(counts) {
  if (!counts) return "not clustered yet";
  const stories = `${counts.stories} ${counts.stories === 1 ? "story" : "stories"}`;
  if (!counts.sources) return `reported by ${stories} (sources unknown)`;
  return `reported by ${stories} (${counts.sources} ${counts.sources === 1 ? "source" : "sources"})`;
}

function countSelect(value) {
  return select("Count", "count", value, [["clusters", "events (each once)"], ["reports", "raw reports"]]);
}

async function clustersView(_arg, params) {
  const offset = Number(params.get("offset") || 0);
  const spec = { min_stories: params.get("min_stories") || "2", limit: String(PAGE_SIZE), offset: String(offset) };
  const data = await api("/api/clusters", spec);
  const rows = data.items.map((c) => el("tr", {},
    el("td", {}, el("a", { href: link(`cluster/${encodeURIComponent(c.cluster_id)}`) }, `${c.cameo} ${c.cameo_name}`)),
    el("td", {}, `${c.source.join(" + ") || "?"} → ${c.target.join(" + ") || "–"}`), el("td", {}, c.date || "–"),
    el("td", { class: "num" }, c.stories), el("td", { class: "num" }, c.sources), el("td", { class: "num" }, c.copies)));
  const table = el("table", { class: "grid" },
    el("thead", {}, el("tr", {}, ["Event", "Actors", "Date", "Stories", "Sources", "Copies"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, rows));
  show(el("h1", {}, "Events reported by more than one story"),
    data.items.length ? table : el("p", { class: "empty" }, "No event is reported by more than one story."),
    pager(data.total, offset, (o) => go("clusters", { ...spec, offset: o })));
}

function memberSentence(m) {
  // the sentence with the trigger marked; both spans index the story text
  const start = m.trigger_start - m.sentence_start;
  const end = m.trigger_end - m.sentence_start;
  if (start < 0 || end > m.sentence.length) return el("span", {}, m.sentence);
  return el("span", {}, m.sentence.slice(0, start), el("mark", { class: "trigger" }, m.sentence.slice(start, end)), m.sentence.slice(end));
}

async function clusterView(clusterId) {
  const c = await api(`/api/clusters/${encodeURIComponent(clusterId)}`);
  const rows = c.members.map((m) => el("tr", { class: m.counted ? "" : "copy" },
    el("td", {}, el("a", { href: link(`story/${encodeURIComponent(m.story_id)}`) }, m.title || m.story_id)),
    el("td", {}, m.source || "–"), el("td", {}, m.published || "–"),
    el("td", {}, `${m.cameo} · ${m.actors_source.join(" + ") || "?"} → ${m.actors_target.join(" + ") || "–"}`),
    el("td", {}, memberSentence(m), el("div", { class: "meta" }, `trigger “${m.trigger_text}” at ${m.trigger_start}–${m.trigger_end}`)),
    el("td", {}, m.counted ? "counted" : `copy of ${m.group_id}`)));
  const table = el("table", { class: "grid cluster-members" },
    el("thead", {}, el("tr", {}, ["Story", "Source", "Published", "Coded as", "Sentence", ""].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, rows));
  show(el("h1", {}, `${c.cameo} ${c.cameo_name}: ${c.source.join(" + ") || "?"} → ${c.target.join(" + ") || "–"}`),
    el("p", { class: "meta" }, `${c.date || "no date"} · ${reportedBy(c)} · first reported ${c.first_reported || "?"}${c.copies ? ` · ${c.copies} republished ${c.copies === 1 ? "copy" : "copies"} not counted` : ""}`),
    table);
}

window.addEventListener("hashchange", route);
window.addEventListener("DOMContentLoaded", route);

// -- map ---------------------------------------------------------------------------------------

const MAP_WIDTH = 960;
const MAP_HEIGHT = 480;
const MAP_PAGES = 5;  // at most this many pages of events are drawn (1,000 at the API's page size)
let worldOutline = null;  // the bundled Natural Earth outline, fetched once

async function outline() {
  if (!worldOutline) worldOutline = await (await fetch("/static/world.json")).json();
  return worldOutline;
}

function project(lon, lat) {
  // plate carrée: the whole world in a 2:1 box, no projection library needed
  return [((lon + 180) / 360) * MAP_WIDTH, ((90 - lat) / 180) * MAP_HEIGHT];
}

function ringPath(ring) {
  return ring.map(([lon, lat], i) => { const [x, y] = project(lon, lat); return `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`; }).join("") + "Z";
}

async function placedEvents(filter) {
  const events = [];
  for (let page = 0; page < MAP_PAGES; page++) {
    const data = await api("/api/events", { ...filter, limit: 200, offset: page * 200 });
    events.push(...data.items);
    if (events.length >= data.total) return { events, total: data.total };
  }
  return { events, total: events.length };
}

function mapPoints(events) {
  // one point per place and QuadClass; its size grows with the number of events there
  const points = new Map();
  for (const v of events) {
    if (v.place_lat === null || v.place_lon === null) continue;
    const key = `${v.place_lat},${v.place_lon},${v.quad}`;
    if (!points.has(key)) points.set(key, { lat: v.place_lat, lon: v.place_lon, quad: v.quad, name: v.place_name || v.place_text, events: [] });
    points.get(key).events.push(v);
  }
  return [...points.values()].sort((a, b) => b.events.length - a.events.length);
}

function mapPoint(point) {
  const [x, y] = project(point.lon, point.lat);
  const first = point.events[0];
  const label = `${point.name}: ${point.events.length} event${point.events.length > 1 ? "s" : ""}, ${QUAD_NAMES[point.quad] || "no QuadClass"}`;
  const open = () => go(`story/${encodeURIComponent(first.story_id)}`, { event: String(first.seq) });
  const dot = svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: (3 + 3 * Math.sqrt(point.events.length)).toFixed(1),
    class: `point quad-${point.quad}`, tabindex: 0, role: "link", "aria-label": label, "data-story": first.story_id, "data-seq": first.seq },
  svg("title", {}, `${label}\n${eventLabel(first)}`));
  dot.addEventListener("click", open);
  dot.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); } });
  return dot;
}

async function mapView(_arg, params) {
  const filter = { source: params.get("source") || "", target: params.get("target") || "", root: params.get("root") || "",
    date_from: params.get("date_from") || "", date_to: params.get("date_to") || "" };
  const form = el("form", { class: "filters", onsubmit: (e) => { e.preventDefault(); go("map", formValues(e.target)); } },
    field("Source", "source", filter.source, { placeholder: "CHNGOV or CHN" }),
    field("Target", "target", filter.target, { placeholder: "RUSGOV or RUS" }),
    field("Event root", "root", filter.root, { placeholder: "04", maxlength: 2 }),
    field("From", "date_from", filter.date_from, { type: "date" }),
    field("To", "date_to", filter.date_to, { type: "date" }),
    el("button", { type: "submit" }, "Show"));
  // a three-letter code is a country: every actor of it (CHN = CHNGOV, CHNMIL, ...)
  const side = (code, name) => (code.length === 3 ? { [`${name}_country`]: code } : { [name]: code });
  const query = { ...filter, ...side(filter.source, "source"), ...side(filter.target, "target") };
  const [world, { events, total }] = await Promise.all([outline(), placedEvents(query)]);
  const points = mapPoints(events);
  const placed = points.reduce((n, p) => n + p.events.length, 0);
  const map = svg("svg", { viewBox: `0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`, class: "world-map", role: "img", "aria-label": "Where the events happened" },
    svg("rect", { class: "sea", x: 0, y: 0, width: MAP_WIDTH, height: MAP_HEIGHT }),
    svg("path", { class: "land", d: world.rings.map(ringPath).join("") }),
    points.map(mapPoint));
  const legend = el("p", { class: "legend" }, Object.entries(QUAD_NAMES).map(([quad, name]) =>
    [el("span", { class: `swatch quad-${quad}` }), ` ${name} `]), " · size: number of events · click a point to read its story");
  show(el("h1", {}, "Map"), form,
    el("p", { class: "meta" }, `${placed} of ${total} events placed${total > events.length ? ` (first ${events.length} drawn)` : ""}`),
    map, legend, el("p", { class: "meta" }, `Outline: ${world.source}. Place data: GeoNames (CC BY 4.0).`));
}
