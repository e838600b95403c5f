// The first view, drawn before the app starts. On a slow phone the wasm takes about two seconds
// to arrive; without this the learner sees a blank page until then. index.html inlines this file
// at the end of its body, so it runs as soon as the page and its style sheet are in.
//
// For the links it can read exactly (one-channel convolution with the tutorial's values or the
// default seed's, sizes up to 16, no other parameters; English), it draws the first screen with
// the app's own markup and classes, and fits the grids to the room as app::fit does, so every
// cell has the place and size the app then gives it. Every number shown is one the app shows:
// the values are the settings' defaults, and the outputs are integer sums, exact in JavaScript
// as in f32. It is inert: nothing can be clicked before the app runs. Any other link waits for
// the app, as before. tests/e2e/first-view.test.mjs checks that it agrees with the app.
(() => {
  // The default seed's backing values (src/app/settings.rs), as value + 3, row by row: a
  // 16×16 crop of the input (the tutorial's 4×4 at its top left) and a 15×15 crop of the kernel.
  const INPUT = "4563256341223541345603336105046463454221324104345634161626105256446002024116025136636131646513136650600646121446411460556102163562116161055464524022204351525603015133516650033616665522102663541405500564526121062543500635064411326116222253143536626205460046";
  const KERNEL = "534343314314452345223334333145435542411433424122224312214351523352435225152132311332424315233452434124331131515524144152415523131332522531444251253113552554452344345112445511324243332122525151423315211425151114154554451411433";
  const query = new URLSearchParams(location.search);
  // Without a query the app restores the last example; storage may also be refused.
  try {
    if (location.search.length <= 1 && localStorage.getItem("convstep:last")) return;
  } catch {
    return;
  }
  const keys = [...query.keys()];
  if (new Set(keys).size !== keys.length) return;
  if (keys.some((key) => !["in", "k", "s", "pad", "step", "theme", "lang"].includes(key))) return;
  const lang = query.get("lang") ?? navigator.language;
  if (!/^en/i.test(lang) && query.has("lang") || /^zh/i.test(lang)) return;
  const pair = (key, fallback, max) => {
    if (!query.has(key)) return [fallback, fallback];
    const match = /^(\d{1,2})(?:x(\d{1,2}))?$/.exec(query.get(key));
    const sides = match && [+match[1], +(match[2] ?? match[1])];
    return sides && sides.every((side) => side >= 1 && side <= max) ? sides : null;
  };
  const [size, kernel, stride] = [pair("in", 4, 16), pair("k", 3, 15), pair("s", 1, 16)];
  const theme = query.get("theme") ?? "light";
  if (!size || !kernel || !stride || !["light", "projector"].includes(theme)) return;
  const projector = theme === "projector";
  // Padding [before, after] per axis, as settings::PaddingChoice works it out.
  const padMode = query.get("pad") ?? "valid";
  const axes = [0, 1];
  let pads;
  if (padMode === "valid") pads = axes.map(() => [0, 0]);
  else if (padMode === "same" || padMode === "same-lower") {
    pads = axes.map((axis) => {
      const out = Math.ceil(size[axis] / stride[axis]);
      const total = Math.max((out - 1) * stride[axis] + kernel[axis] - size[axis], 0);
      const small = Math.floor(total / 2);
      return padMode === "same" ? [small, total - small] : [total - small, small];
    });
  } else if (/^\d{1,2}$/.test(padMode)) pads = axes.map(() => [+padMode, +padMode]);
  else return;
  const padded = axes.map((axis) => size[axis] + pads[axis][0] + pads[axis][1]);
  if (axes.some((axis) => padded[axis] < kernel[axis])) return;
  const out = axes.map((axis) => Math.floor((padded[axis] - kernel[axis]) / stride[axis]) + 1);
  const steps = out[0] * out[1];
  const stepText = query.get("step") ?? "1";
  if (!/^\d{1,6}$/.test(stepText) || +stepText < 1) return;
  const position = Math.min(+stepText, steps) - 1;

  const x = (r, c) => +INPUT[r * 16 + c] - 3;
  const w = (r, c) => +KERNEL[r * 15 + c] - 3;
  // The input as drawn, padding included: a value, or null for a padding cell.
  const at = (r, c) => {
    const [ir, ic] = [r - pads[0][0], c - pads[1][0]];
    return ir >= 0 && ic >= 0 && ir < size[0] && ic < size[1] ? x(ir, ic) : null;
  };
  const outputs = [];
  for (let oh = 0; oh < out[0]; oh++) {
    for (let ow = 0; ow < out[1]; ow++) {
      let sum = 0;
      for (let kh = 0; kh < kernel[0]; kh++) {
        for (let kw = 0; kw < kernel[1]; kw++) sum += (at(oh * stride[0] + kh, ow * stride[1] + kw) ?? 0) * w(kh, kw);
      }
      outputs.push(sum);
    }
  }
  const [top, left] = [Math.floor(position / out[1]) * stride[0], (position % out[1]) * stride[1]];
  const inWindow = (r, c) => r >= top && c >= left && r < top + kernel[0] && c < left + kernel[1];
  const number = (value) => (value < 0 ? "\u2212" + -value : String(value));
  const term = (value) => (value < 0 ? `(${number(value)})` : number(value));
  const widest = (values) => Math.max(1, ...values.map((value) => number(value).length));
  const rowsOf = (rows, columns, cell) =>
    Array.from({ length: rows }, (_, r) => `<tr>${Array.from({ length: columns }, (_, c) => cell(r, c)).join("")}</tr>`).join("");

  const inputValues = [];
  for (let r = 0; r < size[0]; r++) for (let c = 0; c < size[1]; c++) inputValues.push(x(r, c));
  const kernelValues = [];
  for (let r = 0; r < kernel[0]; r++) for (let c = 0; c < kernel[1]; c++) kernelValues.push(w(r, c));
  const grids = {
    input: {
      caption: "Input", rows: padded[0], columns: padded[1], chars: widest(inputValues),
      cell: (r, c) => {
        const value = at(r, c);
        // The window's cells are taps, and the field of the cell being written.
        const tap = inWindow(r, c) ? " tap field" : "";
        return value === null ? `<td class="cell padding${tap}">0</td>` : `<td class="cell value${tap}">${number(value)}</td>`;
      },
    },
    kernel: {
      caption: "Kernel", rows: kernel[0], columns: kernel[1], chars: widest(kernelValues),
      cell: (r, c) => `<td class="cell value tap">${number(w(r, c))}</td>`,
    },
    output: {
      caption: "Output", rows: out[0], columns: out[1], chars: widest(outputs),
      cell: (r, c) => {
        const index = r * out[1] + c;
        if (index > position) return `<td class="cell pending"></td>`;
        return `<td class="cell value${index === position ? " current" : ""}">${number(outputs[index])}</td>`;
      },
    },
  };

  // The calculation: the products in kernel order with running totals, then the bias.
  let total = 0;
  const terms = [`<span class="term"><span class="channel-label">\u00a0</span><span class="running" aria-hidden="true">running total</span></span>`];
  for (let kh = 0; kh < kernel[0]; kh++) {
    for (let kw = 0; kw < kernel[1]; kw++) {
      const value = at(top + kh, left + kw);
      total += (value ?? 0) * w(kh, kw);
      terms.push(`<span class="term${value === null ? " padding-term" : ""}"><span class="product">${term(value ?? 0)}×${term(w(kh, kw))}</span><span class="running" aria-hidden="true">${number(total)}</span></span>`);
    }
  }
  const icon = (path) => `<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><path d="${path}" fill="currentColor"></path></svg>`;
  // Only the actions a style rule names (a phone hides start and end): the tests find the
  // app's step buttons by their actions, never these.
  const button = (label, path, disabled, action) =>
    `<button type="button" class="icon"${action ? ` data-action="${action}"` : ""} aria-label="${label}"${disabled ? " disabled" : ""}>${icon(path)}</button>`;
  const [first, last] = [position === 0, position >= steps - 1];
  const narrow = matchMedia("(max-width: 900px)").matches;
  const drawer = !narrow && !projector;
  const root = document.createElement("div");
  root.id = "first-view";
  root.className = projector ? "app projector" : "app";
  root.inert = true;
  root.setAttribute("aria-hidden", "true");
  // Taller than the screen by a pixel, as the app is, so a scroll bar never comes or goes.
  root.style.minHeight = "calc(100dvh + 1px)";
  root.innerHTML = `<div class="screen"><header class="top"><div class="title"><h1>ConvStep</h1><p class="tagline">Convolution, activation and pooling \u2014 one window at a time</p></div><div class="toolbar"><button type="button" id="lesson" aria-pressed="false">Lesson</button><button type="button" lang="zh" class="lang">\u4e2d\u6587</button><button type="button" id="projector" aria-pressed="${projector}">Projector</button><button type="button" id="copy-link">Copy link</button><button type="button" id="embed">Embed</button><button type="button" id="help">?</button></div></header><main class="workspace">${drawer ? `<aside class="drawer"></aside>` : ""}<section class="deck"><div class="figures"></div><div class="calculation"><section class="arithmetic"><h2>Calculation</h2><p class="equation terms">${terms[0]} ${terms.slice(1).join(" + ")} + <span class="bias">bias 0</span> = <span class="result">${number(outputs[position])}</span></p></section></div><div class="bar"><button type="button" class="drawer-toggle" aria-expanded="${drawer}"><span aria-hidden="true">\u2699</span><span class="drawer-label"> Settings</span></button><div class="playback">${button("Start", "M1 3h2v10H1zM8.5 3v10L3.5 8zM14.5 3v10L9.5 8z", first, "start")}${button("Step back", "M10 3v10L3 8zM11 3h2v10h-2z", first)}${button("Play", "M3.5 2v12L14 8z", false)}${button("Step forward", "M3 3h2v10H3zM6 3v10l7-5z", last)}${button("End", "M1.5 3v10l5-5zM7.5 3v10l5-5zM13 3h2v10h-2z", last, "end")}<input type="range" class="scrub" min="1" max="${steps}" value="${position + 1}"><span class="step-count">Step ${position + 1} of ${steps}</span><label class="speed"><span class="label">Speed</span><select>${[1, 2, 4, 8, 16].map((speed) => `<option${speed === 2 ? " selected" : ""}>${speed} steps/s</option>`).join("")}</select></label></div></div></section></main></div>`;
  document.body.append(root);

  // app::fit for these three one-plane figures: a figure's width and height at a cell size (never
  // narrower than its caption), and the largest cell at which the whole figures fit, found by
  // halving, in the first arrangement of equals. Its constants mirror src/app/fit.rs and
  // src/app/components/figures.rs.
  const figures = root.querySelector(".figures");
  const room = {
    width: figures.clientWidth, height: figures.clientHeight,
    min: projector ? 30 : 24, max: projector ? 76 : 52, caption: projector ? 31 : 25,
  };
  const gap = room.width < 600 ? 10 : 20;
  const fontAt = (cell) => Math.floor(cell * 0.45 + 0.5);
  const captionWidth = (grid) => grid.caption.length * 0.66 * (projector ? 20 : 16);
  const sizeAt = (grid, rows, columns, cell) => {
    // A column: a cell, or wider for the widest value (0.7em a character at the cell's type size).
    const column = Math.max(cell + 3.2 + 4, grid.chars * 0.7 * fontAt(cell) + 7.2 + 2);
    const width = columns * column + 8;
    return [Math.max(width, captionWidth(grid)), rows * cell + rows * 4 + 8];
  };
  const gridList = Object.values(grids);
  const arrangements = { row: [[0, 1, 2]], stacked: [[0], [1, 2]], column: [[0], [1], [2]] };
  const fits = (rows, cell) => {
    const sizes = gridList.map((grid) => sizeAt(grid, grid.rows, grid.columns, cell));
    let [width, height] = [0, 0];
    for (const row of rows) {
      width = Math.max(width, row.reduce((sum, index) => sum + sizes[index][0], gap * (row.length - 1)));
      height += Math.max(...row.map((index) => sizes[index][1] + room.caption));
    }
    return width + 24 <= room.width && height + 24 + gap * (rows.length - 1) <= room.height;
  };
  const largest = (rows) => {
    if (!fits(rows, room.min)) return null;
    if (fits(rows, room.max)) return room.max;
    let [good, bad] = [room.min, room.max];
    while (bad - good > 0.25) {
      const middle = (good + bad) / 2;
      if (fits(rows, middle)) good = middle;
      else bad = middle;
    }
    return good;
  };
  let best = null;
  for (const [name, rows] of Object.entries(arrangements)) {
    const cell = largest(rows);
    if (cell !== null && (!best || cell > best.cell)) best = { name, rows, cell };
  }
  if (!best) {
    // Too big to show whole: the app scrolls the planes to follow the window; wait for it.
    root.remove();
    return;
  }
  const cell = best.cell;
  figures.classList.add(best.name);
  figures.style.cssText = `--cell: ${Math.floor(cell)}px; --cell-font: ${fontAt(cell)}px`;
  // Each figure's box (app::fit::allot): its natural size, shared out when the room is short.
  const share = (wanted, needed, space) => {
    const sum = (list) => list.reduce((a, b) => a + b, 0);
    if (sum(wanted) <= space) return wanted;
    if (sum(needed) >= space || sum(wanted) <= sum(needed)) return needed.map((need) => (sum(needed) > 0 ? (need * space) / sum(needed) : 0));
    const scale = (space - sum(needed)) / (sum(wanted) - sum(needed));
    return wanted.map((want, index) => needed[index] + Math.max(want - needed[index], 0) * scale);
  };
  const natural = gridList.map((grid) => sizeAt(grid, grid.rows, grid.columns, cell));
  const needShape = gridList.map((grid, index) => {
    const [rows, columns] = [[Math.min(grid.rows, kernel[0] + 1), Math.min(grid.columns, kernel[1] + 1)], [grid.rows, grid.columns], [Math.min(grid.rows, 2), Math.min(grid.columns, 2)]][index];
    return sizeAt(grid, rows, columns, cell);
  });
  const available = Math.max(room.height - 24 - gap * (best.rows.length - 1) - room.caption * best.rows.length, 0);
  const tallest = (row, sizes) => Math.max(0, ...row.map((index) => sizes[index][1]));
  const heights = share(best.rows.map((row) => tallest(row, natural)), best.rows.map((row) => tallest(row, needShape)), available);
  const boxes = [];
  best.rows.forEach((row, rowIndex) => {
    const widths = share(row.map((index) => natural[index][0]), row.map((index) => needShape[index][0]), Math.max(Math.max(room.width - 24, 0) - gap * (row.length - 1), 0));
    row.forEach((index, i) => (boxes[index] = [Math.floor(Math.max(widths[i], 0)), Math.floor(Math.max(heights[rowIndex], 0))]));
  });
  // Planes skip layout while out of sight (content-visibility: auto), which lays them out at a
  // placeholder size in the first frame and moves them in the next; these are all in sight.
  figures.innerHTML = Object.entries(grids)
    .map(([name, grid], index) => {
      const [width, height] = boxes[index];
      return `<figure class="figure ${name}"><figcaption>${grid.caption}</figcaption><div class="planes across" style="grid-template-columns: repeat(1, max-content); max-width: ${width}px; max-height: ${height}px"><div class="plane" style="content-visibility: visible; max-width: ${width}px; max-height: ${height}px"><div class="plane-cells"><table class="grid" data-first-grid="${name}-0" style="--chars: ${grid.chars}"><tbody>${rowsOf(grid.rows, grid.columns, grid.cell)}</tbody></table></div></div></div></figure>`;
    })
    .join("");

  // The app mounts its own root after this one, and draws its grids at a default size until
  // it has measured its room (a frame or two later). Until its grids carry their fitted
  // size, this view stays over it, out of the flow and transparent to the pointer, and the
  // app, covered, is laid out but not painted, so the learner sees one picture throughout;
  // then this view goes and the app shows, before the next paint. Should the app never fit
  // its grids (a page without them), that happens a second after the app mounts.
  let app = null;
  const observer = new MutationObserver(() => {
    if (!app) {
      app = [...document.body.children].find((child) => child !== root && child.classList.contains("app"));
      if (!app) return;
      root.style.cssText += "; position: fixed; inset: 0; z-index: 10; pointer-events: none; background: var(--bg)";
      app.style.visibility = "hidden";
      setTimeout(done, 1000);
    }
    if (app.querySelector(".figures[style*='--cell']")) done();
  });
  const done = () => {
    observer.disconnect();
    root.remove();
    app.style.removeProperty("visibility");
    if (!app.getAttribute("style")) app.removeAttribute("style");
  };
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["style"] });
})();
