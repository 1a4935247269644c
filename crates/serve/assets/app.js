// The search page. Its whole state lives in the URL's query string, under the
// same names as the API's parameters (query, from, to, persons, locations,
// organizations, languages, offset) plus `article` for the article view, so
// any view can be shared by its address and the browser's back button walks
// through them.
"use strict";

const PAGE_SIZE = 10;
const FACETS = ["persons", "locations", "organizations", "languages"];
const $ = (selector) => document.querySelector(selector);

/** The state in the current URL. */
function readState() {
  const params = new URLSearchParams(location.search);
  const state = {
    query: params.get("query") || "",
    from: params.get("from") || "",
    to: params.get("to") || "",
    offset: Math.max(0, parseInt(params.get("offset") || "0", 10) || 0),
    article: params.get("article") || "",
  };
  for (const kind of FACETS) state[kind] = params.getAll(kind);
  return state;
}

/** The search parameters of a state, as the API and the URL both take them. */
function searchParams(state) {
  const params = new URLSearchParams();
  if (state.query) params.set("query", state.query);
  if (state.from) params.set("from", state.from);
  if (state.to) params.set("to", state.to);
  for (const kind of FACETS) for (const value of state[kind]) params.append(kind, value);
  if (state.offset) params.set("offset", String(state.offset));
  return params;
}

/** Moves to a new state: a new history entry, then the view it describes. */
function go(state) {
  const params = searchParams(state);
  if (state.article) params.set("article", state.article);
  const search = params.toString();
  history.pushState(null, "", search ? "?" + search : location.pathname);
  render();
}

// Each render gets a number; an answer to an older one is dropped, so a slow
// search never overwrites a newer one.
let generation = 0;

function render() {
  const state = readState();
  fillForm(state);
  if (state.article) showArticle(state);
  else showResults(state);
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && body.error ? body.error.message : response.statusText;
    throw new Error(message);
  }
  return body;
}

function showError(error) {
  const box = $("#error");
  if (error) {
    box.textContent = String(error.message || error);
    box.hidden = false;
  } else {
    box.hidden = true;
    box.textContent = "";
  }
}

function fillForm(state) {
  $("#q").value = state.query;
  $("#from").value = /^\d{4}-\d{2}-\d{2}$/.test(state.from) ? state.from : "";
  $("#to").value = /^\d{4}-\d{2}-\d{2}$/.test(state.to) ? state.to : "";
  document.title = (state.query ? state.query + " — " : "") + "news";
}

// ----- results view -----

async function showResults(state) {
  const mine = ++generation;
  $("#results-view").hidden = false;
  $("#article-view").hidden = true;
  const params = searchParams(state);
  params.set("limit", String(PAGE_SIZE));
  params.set("fragments", "1");
  params.set("histogram", "month");
  $("#hits").setAttribute("aria-busy", "true");
  // The chart always spans all dates, so another month can be chosen while one is.
  const dated = Boolean(state.from || state.to);
  const chartParams = new URLSearchParams(searchParams({ ...state, from: "", to: "", offset: 0 }));
  for (const [key, value] of [["limit", "0"], ["facet_limit", "0"], ["fragments", "0"], ["histogram", "month"]]) {
    chartParams.set(key, value);
  }
  try {
    const [response, chart] = await Promise.all([
      getJson("api/search?" + params),
      dated ? getJson("api/search?" + chartParams) : null,
    ]);
    if (mine !== generation) return;
    showError(null);
    renderSummary(state, response);
    renderNotices(response.notices || []);
    renderFacets(state, response.facets);
    renderTimeline(state, (chart || response).histogram || []);
    renderHits($("#hits"), response.hits);
    // For the page's test: when the first results were on screen.
    if (!performance.getEntriesByName("news:results").length) performance.mark("news:results");
    $("#prev").disabled = state.offset === 0;
    $("#next").disabled = state.offset + response.hits.length >= response.total;
  } catch (error) {
    if (mine !== generation) return;
    showError(error);
    renderSummary(state, null);
    renderHits($("#hits"), []);
  } finally {
    $("#hits").removeAttribute("aria-busy");
  }
}

function renderSummary(state, response) {
  const summary = $("#summary");
  if (!response) {
    summary.textContent = "No results";
    return;
  }
  const total = response.total;
  const first = Math.min(total, state.offset + 1);
  const last = state.offset + response.hits.length;
  summary.dataset.total = String(total);
  summary.textContent =
    total === 0
      ? "No articles match"
      : `${total.toLocaleString("en")} ${total === 1 ? "article" : "articles"}` +
        (total > response.hits.length ? ` (showing ${first}–${last})` : "");
}

function renderNotices(notices) {
  const list = $("#notices");
  list.replaceChildren(
    ...notices.map((notice) => {
      const item = document.createElement("li");
      item.textContent = notice.used
        ? `“${notice.given}” read as “${notice.used}”`
        : `No “${notice.given}” in the archive` +
          (notice.alternatives && notice.alternatives.length
            ? `; did you mean ${notice.alternatives.join(", ")}?`
            : "");
      return item;
    })
  );
}

function renderFacets(state, facets) {
  for (const kind of FACETS) {
    const counts = (facets && facets[kind]) || [];
    const values = counts.map((c) => [c.value, c.count]);
    // A selected value outside the top counts stays listed, so it can be unticked.
    for (const selected of state[kind]) {
      if (!values.some(([value]) => value === selected)) values.push([selected, null]);
    }
    const list = document.querySelector(`.facet[data-kind="${kind}"] ul`);
    list.replaceChildren(
      ...values.map(([value, count], i) => {
        const id = `facet-${kind}-${i}`;
        const item = document.createElement("li");
        const box = document.createElement("input");
        box.type = "checkbox";
        box.id = id;
        box.value = value;
        box.checked = state[kind].includes(value);
        box.addEventListener("change", () => toggleFilter(kind, value, box.checked));
        const label = document.createElement("label");
        label.htmlFor = id;
        const name = document.createElement("span");
        name.className = "name";
        name.textContent = value;
        label.append(name);
        if (count !== null) {
          const number = document.createElement("span");
          number.className = "count";
          number.textContent = count.toLocaleString("en");
          label.append(number);
        }
        item.append(box, label);
        return item;
      })
    );
    if (values.length === 0) {
      const none = document.createElement("li");
      none.className = "none";
      none.textContent = "none";
      list.append(none);
    }
  }
}

function toggleFilter(kind, value, on) {
  const state = readState();
  state[kind] = state[kind].filter((v) => v !== value);
  if (on) state[kind].push(value);
  state.offset = 0;
  go(state);
}

/** The last day of a `YYYY-MM` month, as `YYYY-MM-DD`. */
function monthEnd(key) {
  const [year, month] = key.split("-").map(Number);
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${key}-${String(day).padStart(2, "0")}`;
}

const SVG = "http://www.w3.org/2000/svg";

function svg(name, attributes) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

function renderTimeline(state, buckets) {
  const figure = $("#timeline");
  const chart = figure.querySelector(".chart");
  if (buckets.length === 0) {
    figure.hidden = true;
    chart.replaceChildren();
    return;
  }
  figure.hidden = false;
  const width = 600;
  // The SVG stretches to the figure's width, so its labels are HTML below it.
  const height = 100;
  // A few months get bars of a readable width rather than the whole chart.
  const slot = Math.min(width / buckets.length, 48);
  const gap = Math.min(2, slot * 0.2);
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const root = svg("svg", {
    viewBox: `0 0 ${width} ${height}`,
    class: "bars",
    role: "group",
    "aria-label": "Articles per month",
    preserveAspectRatio: "none",
  });
  buckets.forEach((bucket, i) => {
    const barHeight = bucket.count === 0 ? 0 : Math.max(2, (height * bucket.count) / max);
    const selected = state.from === `${bucket.key}-01` && state.to === monthEnd(bucket.key);
    // A full-height transparent target per month, so thin bars are easy to hit.
    const group = svg("g", {
      class: "bar" + (selected ? " selected" : ""),
      tabindex: 0,
      role: "button",
      "data-month": bucket.key,
      "aria-pressed": selected ? "true" : "false",
      "aria-label": `${bucket.key}: ${bucket.count} ${bucket.count === 1 ? "article" : "articles"}`,
    });
    const title = svg("title", {});
    title.textContent = `${bucket.key}: ${bucket.count}`;
    group.append(
      title,
      svg("rect", { class: "target", x: i * slot, y: 0, width: slot, height }),
      svg("rect", {
        class: "fill",
        x: i * slot + gap / 2,
        y: height - barHeight,
        width: Math.max(1, slot - gap),
        height: barHeight,
      })
    );
    const choose = () => filterMonth(bucket.key, selected);
    group.addEventListener("click", choose);
    group.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        choose();
      }
    });
    root.append(group);
  });
  const labels = document.createElement("div");
  labels.className = "axis";
  // Aligned under the first and the last bar, which may not reach the right edge.
  labels.style.width = `${(100 * slot * buckets.length) / width}%`;
  for (const key of [buckets[0].key, buckets[buckets.length - 1].key]) {
    const label = document.createElement("span");
    label.textContent = key;
    labels.append(label);
  }
  chart.replaceChildren(root, labels);
}

/** Filters to one month, or back to any date when it is the month already chosen. */
function filterMonth(key, selected) {
  const state = readState();
  if (selected) {
    state.from = "";
    state.to = "";
  } else {
    state.from = `${key}-01`;
    state.to = monthEnd(key);
  }
  state.offset = 0;
  go(state);
}

/** Text with the `[start, end)` code-point ranges in `<mark>`, built as DOM nodes. */
function highlighted(text, ranges) {
  const chars = Array.from(text || "");
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const [start, end] of [...(ranges || [])].sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    fragment.append(chars.slice(at, start).join(""));
    const mark = document.createElement("mark");
    mark.textContent = chars.slice(start, end).join("");
    fragment.append(mark);
    at = end;
  }
  fragment.append(chars.slice(at).join(""));
  return fragment;
}

function articleHref(id) {
  const params = searchParams(readState());
  params.set("article", id);
  return "?" + params;
}

function openArticle(event, id) {
  // Let the browser open new tabs and windows itself.
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  const state = readState();
  state.article = id;
  go(state);
  window.scrollTo(0, 0);
}

function renderHits(list, hits) {
  list.replaceChildren(
    ...hits.map((hit) => {
      const item = document.createElement("li");
      item.className = "hit";
      item.dataset.id = hit.id;
      const heading = document.createElement("h3");
      const link = document.createElement("a");
      link.className = "title";
      link.href = articleHref(hit.id);
      link.append(highlighted(hit.title, hit.title_highlights));
      link.addEventListener("click", (event) => openArticle(event, hit.id));
      heading.append(link);
      const meta = document.createElement("p");
      meta.className = "meta";
      meta.textContent = [hit.date ? hit.date.slice(0, 10) : "undated", hit.source, hit.dateline]
        .filter(Boolean)
        .join(" · ");
      const snippet = document.createElement("p");
      snippet.className = "snippet";
      snippet.append(highlighted(hit.snippet, hit.highlights));
      item.append(heading, meta, snippet, entityChips(hit));
      if (hit.similar_count) {
        const similar = document.createElement("p");
        similar.className = "meta";
        similar.textContent = `+ ${hit.similar_count} near-identical ${hit.similar_count === 1 ? "copy" : "copies"}`;
        item.append(similar);
      }
      return item;
    })
  );
}

/** The people, places and organizations of an article, each a button adding its filter. */
function entityChips(record) {
  const chips = document.createElement("ul");
  chips.className = "entities";
  const labels = { persons: "person", locations: "place", organizations: "organization" };
  for (const kind of FACETS) {
    for (const name of (record[kind] || []).slice(0, 6)) {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = `chip ${kind}`;
      button.textContent = name;
      button.title = `Only articles naming this ${labels[kind]}`;
      button.addEventListener("click", () => {
        const state = readState();
        if (!state[kind].includes(name)) state[kind].push(name);
        state.offset = 0;
        state.article = "";
        go(state);
      });
      item.append(button);
      chips.append(item);
    }
  }
  return chips;
}

// ----- article view -----

async function showArticle(state) {
  const mine = ++generation;
  $("#results-view").hidden = true;
  $("#article-view").hidden = false;
  const id = encodeURIComponent(state.article);
  const view = $("#article");
  view.setAttribute("aria-busy", "true");
  try {
    const [record, related] = await Promise.all([
      getJson(`api/articles/${id}`),
      getJson(`api/articles/${id}/related?limit=5`),
    ]);
    if (mine !== generation) return;
    showError(null);
    renderArticle(view, record);
    renderHits($("#related"), related);
    document.title = record.title + " — news";
    view.querySelector("h2").focus();
  } catch (error) {
    if (mine !== generation) return;
    showError(error);
    view.replaceChildren();
    $("#related").replaceChildren();
  } finally {
    view.removeAttribute("aria-busy");
  }
}

function renderArticle(view, record) {
  const title = document.createElement("h2");
  title.textContent = record.title;
  title.tabIndex = -1;
  const meta = document.createElement("p");
  meta.className = "meta";
  const date = record.date == null ? "undated" : new Date(record.date * 1000).toISOString().slice(0, 10);
  meta.textContent = [date, record.source, record.dateline, record.author].filter(Boolean).join(" · ");
  const parts = [title, meta, entityChips(record)];
  for (const paragraph of (record.body || "").split("\n")) {
    if (!paragraph.trim()) continue;
    const p = document.createElement("p");
    p.textContent = paragraph;
    parts.push(p);
  }
  if (record.url && /^https?:\/\//.test(record.url)) {
    const p = document.createElement("p");
    const link = document.createElement("a");
    link.href = record.url;
    link.rel = "noopener noreferrer";
    link.textContent = "Original article";
    p.append(link);
    parts.push(p);
  }
  view.replaceChildren(...parts);
}

// ----- wiring -----

document.addEventListener("DOMContentLoaded", () => {
  $("#search").addEventListener("submit", (event) => {
    event.preventDefault();
    const state = readState();
    state.query = $("#q").value.trim();
    state.offset = 0;
    state.article = "";
    go(state);
  });
  for (const id of ["from", "to"]) {
    $("#" + id).addEventListener("change", (event) => {
      const state = readState();
      state[id] = event.target.value;
      state.offset = 0;
      state.article = "";
      go(state);
    });
  }
  $("#clear-dates").addEventListener("click", () => {
    const state = readState();
    state.from = "";
    state.to = "";
    state.offset = 0;
    go(state);
  });
  $("#clear-filters").addEventListener("click", () => {
    go({ query: readState().query, from: "", to: "", offset: 0, article: "", persons: [], locations: [], organizations: [], languages: [] });
  });
  $("#prev").addEventListener("click", () => {
    const state = readState();
    state.offset = Math.max(0, state.offset - PAGE_SIZE);
    go(state);
  });
  $("#next").addEventListener("click", () => {
    const state = readState();
    state.offset += PAGE_SIZE;
    go(state);
  });
  $("#back").addEventListener("click", () => {
    const state = readState();
    state.article = "";
    go(state);
  });
  $("#home").addEventListener("click", (event) => {
    event.preventDefault();
    go({ query: "", from: "", to: "", offset: 0, article: "", persons: [], locations: [], organizations: [], languages: [] });
  });
  window.addEventListener("popstate", render);
  render();
});
