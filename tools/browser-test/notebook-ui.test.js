// A student's session in Jupyter's own page, in headless Chromium (Debian's /usr/bin/chromium):
//
//   1. start `./kit notebook --no-browser` on a free port, with a token we choose;
//   2. open one notebook, Cell > Run All, wait until every code cell has finished;
//   3. add a cell with a loop that would run for minutes, run it, Kernel > Interrupt, and wait
//      until that cell has finished;
//   4. add one more cell and run it: it must print its output;
//   5. check that no cell shows an error (the interrupted one aside), that every picture is an
//      <img> whose PNG decoded to a real size, and that the notebook file on disk is unchanged;
//   6. open notebook 02, run it down to the backward animation, step it twice with its
//      `animation.next()` cell, and check that the one picture changed in place, frame by frame
//      (screenshots of two frames: animation-frame-1.png, animation-frame-2.png).
//
// Screenshots go to target/browser-test/. Run from anywhere:
//   node tools/browser-test/notebook-ui.test.js [NOTEBOOK.ipynb]
// The exit status is 0 when every check passed. playwright-core drives the browser over the
// DevTools protocol; it never downloads a browser of its own.

'use strict';
const { chromium } = require('playwright-core');
const childProcess = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const net = require('net');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'target', 'browser-test');
const NOTEBOOK = process.argv[2] || '05-neurons-layers-training.ipynb';
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

const SERVER_START_MS = 150_000;   // ./kit notebook builds first (Maven: seconds when up to date)
const RUN_ALL_MS = 150_000;        // notebook 05: 10 s in a kernel, 30 s in the page, more when busy
const INTERRUPT_MS = 20_000;       // Interrupt must stop the loop within a few seconds
const CELL_MS = 20_000;            // one small cell
const ANIMATION_MS = 120_000;      // notebook 02 down to its animation: about 20 s in a kernel
const WHOLE_TEST_MS = 420_000;     // the test stops itself after this, whatever happens
const ANIMATION_NOTEBOOK = '02-the-chain-rule-on-graphs.ipynb';

// The loop runs for five minutes unless interrupted; the cell after it prints a known line.
const LONG_CELL = 'long spins = 0;\n'
  + 'long end = System.currentTimeMillis() + 300_000;\n'
  + 'while (System.currentTimeMillis() < end) { spins++; }\n'
  + 'System.out.println("not interrupted after " + spins + " spins");';
const AFTER_CELL = 'System.out.println("after the interrupt: " + (6 * 7));';
const AFTER_OUTPUT = 'after the interrupt: 42';

const failures = [];
function check(ok, what) {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function sha256(file) {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Starts ./kit notebook in its own process group, its output going to a log file. */
function startServer(port, token) {
  const log = fs.openSync(path.join(OUT, 'jupyter-server.log'), 'w');
  const server = childProcess.spawn(path.join(ROOT, 'kit'),
    ['notebook', '--no-browser', '--ip=127.0.0.1', `--port=${port}`, '--port-retries=0',
      `--NotebookApp.token=${token}`],
    { cwd: ROOT, detached: true, stdio: ['ignore', log, log] });
  return server;
}

async function waitForServer(base, token, server) {
  const deadline = Date.now() + SERVER_START_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`./kit notebook exited with ${server.exitCode}`);
    try {
      const reply = await fetch(`${base}/api/status?token=${token}`);
      if (reply.ok) return;
    } catch (e) { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Jupyter did not answer on ${base} within ${SERVER_START_MS / 1000} s`);
}

/** Shuts down every kernel the server started, then the server's whole process group. */
async function stopServer(base, token, server) {
  try {
    const sessions = await (await fetch(`${base}/api/sessions?token=${token}`)).json();
    for (const s of sessions) {
      await fetch(`${base}/api/sessions/${s.id}?token=${token}`, { method: 'DELETE' });
    }
  } catch (e) { /* the server is gone already */ }
  if (server.exitCode === null) {
    try { process.kill(-server.pid, 'SIGTERM'); } catch (e) { /* gone */ }
  }
}

// ---------------------------------------------------------------- what the page shows

/** For every code cell: its prompt ("In [3]:", "In [*]:"), its text output and its errors. */
function codeCells(page) {
  return page.$$eval('.cell.code_cell', (cells) => cells.map((cell) => ({
    prompt: (cell.querySelector('.input_prompt') || {}).textContent || '',
    output: Array.from(cell.querySelectorAll('.output_area')).map((o) => o.innerText).join('\n'),
    errors: Array.from(cell.querySelectorAll('.output_error')).map((o) => o.innerText.slice(0, 300)),
  })));
}

/** Waits until every code cell has an execution number and the kernel is idle. */
async function waitUntilAllFinished(page, timeout) {
  await page.waitForFunction(() => {
    const prompts = Array.from(document.querySelectorAll('.cell.code_cell .input_prompt'));
    const allNumbered = prompts.every((p) => /\[\d+\]/.test(p.textContent));
    return allNumbered && document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null;
  }, null, { timeout, polling: 250 });
}

async function menu(page, menuId, itemId) {
  await page.click(`#${menuId}`);
  await page.click(`#${itemId} > a`);
}

/** Adds a code cell below the last one with Insert > Insert Cell Below, and types its source. */
async function addCellAtEnd(page, source) {
  await page.locator('.cell').last().click({ position: { x: 5, y: 5 } });   // select it (the prompt area)
  await menu(page, 'insertlink', 'insert_cell_below');
  const editor = page.locator('.cell.selected .CodeMirror');
  await editor.click();
  // as a paste would: typed key by key, CodeMirror would add closing brackets and indentation
  await page.keyboard.insertText(source);
}

async function screenshot(page, name) {
  const file = path.join(OUT, name);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`  screenshot ${path.relative(ROOT, file)}`);
}

// ---------------------------------------------------------------- the backward animation

/** The first line of the picture a cell shows now (the frame's heading), or '' if none yet. */
function shownFrame(page, index) {
  return page.evaluate((i) => {
    const text = document.querySelectorAll('.cell')[i].querySelector('.output_subarea svg text');
    return text ? text.textContent : '';
  }, index);
}

/** Runs cells [first, last] of the open notebook and waits until the last one has its number. */
async function runCells(page, first, last, timeout) {
  await page.evaluate(([a, b]) => {
    const indices = [];
    for (let i = a; i <= b; i++) indices.push(i);
    Jupyter.notebook.execute_cells(indices);
  }, [first, last]);
  await page.waitForFunction((i) => {
    const prompt = document.querySelectorAll('.cell')[i].querySelector('.input_prompt');
    return prompt && /\[\d+\]/.test(prompt.textContent)
      && document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null;
  }, last, { timeout, polling: 250 });
}

/**
 * Notebook 02 down to `animation.show()`, then its `animation.next()` cell twice: the picture the
 * show cell put up must change in place, from frame 0 to 1 to 2, with no new picture below the
 * next cell. Screenshots of the picture at frames 1 and 2.
 */
async function stepTheAnimation(context, base, token) {
  const file = path.join(ROOT, 'notebooks', ANIMATION_NOTEBOOK);
  const before = sha256(file);
  const page = await context.newPage();
  page.on('dialog', (dialog) => dialog.accept());
  await page.goto(`${base}/notebooks/notebooks/${ANIMATION_NOTEBOOK}?token=${token}`);
  await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded,
    null, { timeout: 60_000 });
  await page.evaluate(() => Jupyter.notebook.set_autosave_interval(0));
  await page.waitForSelector('#kernel_indicator_icon.kernel_idle_icon', { timeout: 60_000 });
  const [show, next] = await page.evaluate(() => {
    const cells = Jupyter.notebook.get_cells();
    const find = (start) => cells.findIndex((c) => c.cell_type === 'code' && c.get_text().trim().startsWith(start));
    return [cells.findIndex((c) => c.cell_type === 'code' && c.get_text().includes('animation.show()')),
      find('animation.next()')];
  });
  check(show > 0 && next > show, `notebook 02 has an animation.show() cell (${show}) and a next() cell (${next})`);
  if (!(show > 0 && next > show)) return;
  const t = Date.now();
  await runCells(page, 0, show, ANIMATION_MS);
  const frames = [await shownFrame(page, show)];
  for (let step = 1; step <= 2; step++) {
    await runCells(page, next, next, CELL_MS);
    await page.waitForFunction(([i, k]) => {
      const text = document.querySelectorAll('.cell')[i].querySelector('.output_subarea svg text');
      return text && text.textContent.startsWith(`Frame ${k} `);
    }, [show, step], { timeout: CELL_MS, polling: 100 }).catch(() => {});
    frames.push(await shownFrame(page, show));
    const picture = page.locator('.cell').nth(show).locator('.output_subarea').first();
    const shot = path.join(OUT, `animation-frame-${step}.png`);
    await picture.screenshot({ path: shot });
    console.log(`  screenshot ${path.relative(ROOT, shot)}`);
  }
  const nextOutputs = await page.evaluate((i) =>
    document.querySelectorAll('.cell')[i].querySelectorAll('.output_subarea').length, next);
  const errors = await page.$$eval('.output_error', (outs) => outs.map((o) => o.innerText.slice(0, 200)));
  console.log(`browser test: ${ANIMATION_NOTEBOOK} down to its animation and two steps in `
    + `${((Date.now() - t) / 1000).toFixed(1)} s`);
  check(frames[0].startsWith('Frame 0 of 7'), `the animation starts at frame 0 ("${frames[0]}")`);
  check(frames[1].startsWith('Frame 1 of 7') && frames[2].startsWith('Frame 2 of 7'),
    `animation.next() changed the picture in place, twice ("${frames[1]}", then "${frames[2]}")`);
  check(nextOutputs === 0, `the next() cell shows nothing of its own (${nextOutputs} outputs)`);
  check(errors.length === 0, `no cell of notebook 02 shows an error${errors.length ? ': ' + errors[0] : ''}`);
  check(sha256(file) === before, `notebooks/${ANIMATION_NOTEBOOK} on disk is unchanged`);
  await page.close();
}

// ---------------------------------------------------------------- the test

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const notebookFile = path.join(ROOT, 'notebooks', NOTEBOOK);
  const before = sha256(notebookFile);
  const port = await freePort();
  const token = crypto.randomBytes(16).toString('hex');
  const base = `http://127.0.0.1:${port}`;
  const began = Date.now();
  const server = startServer(port, token);
  const profile = fs.mkdtempSync(path.join(OUT, 'chromium-profile-'));
  let context;
  const watchdog = setTimeout(async () => {
    console.error(`browser test: stopped after ${WHOLE_TEST_MS / 1000} s`);
    await stopServer(base, token, server);
    process.exit(1);
  }, WHOLE_TEST_MS);
  try {
    await waitForServer(base, token, server);
    console.log(`browser test: Jupyter answered on port ${port} after ${((Date.now() - began) / 1000).toFixed(1)} s`);

    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true,
      viewport: { width: 1280, height: 900 },
    });
    const page = context.pages()[0] || await context.newPage();
    page.on('dialog', (dialog) => dialog.accept());   // "leave the page?" and the like
    await page.goto(`${base}/notebooks/notebooks/${NOTEBOOK}?token=${token}`);   // the server's root is the repository
    await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded,
      null, { timeout: 60_000 });
    // The page must never save into the tracked notebook: no autosave while we run it.
    await page.evaluate(() => Jupyter.notebook.set_autosave_interval(0));
    await page.waitForSelector('#kernel_indicator_icon.kernel_idle_icon', { timeout: 60_000 });
    // Opened and connected to its kernel, the notebook is neither modified (its kernelspec and
    // language_info are the kernel's own) nor "Not Trusted".
    const opened = await page.evaluate(() => ({ dirty: Jupyter.notebook.dirty, trusted: Jupyter.notebook.trusted }));

    // Run All, through the menu
    let t = Date.now();
    await menu(page, 'celllink', 'run_all_cells');
    await page.waitForSelector('.input_prompt:has-text("[*]")', { timeout: 10_000 }).catch(() => {});
    await waitUntilAllFinished(page, RUN_ALL_MS);
    console.log(`browser test: Run All finished in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    await screenshot(page, 'run-all.png');
    const ranCells = await codeCells(page);
    const images = await page.$$eval('.output_area img', (imgs) => imgs.map((i) => ({
      complete: i.complete, width: i.naturalWidth, height: i.naturalHeight })));
    const pictureOutputs = await page.$$eval('.output_png, .output_svg, .output_jpeg',
      (outs) => outs.length);

    // A long cell, interrupted from the Kernel menu
    await addCellAtEnd(page, LONG_CELL);
    await menu(page, 'celllink', 'run_cell');
    await page.waitForSelector('#kernel_indicator_icon.kernel_busy_icon', { timeout: 10_000 });
    await page.waitForTimeout(3000);   // it is well inside the loop by now
    t = Date.now();
    await menu(page, 'kernellink', 'int_kernel');
    let interrupted = true;
    try {
      await waitUntilAllFinished(page, INTERRUPT_MS);
    } catch (e) {
      interrupted = false;
    }
    const interruptSeconds = (Date.now() - t) / 1000;
    await screenshot(page, 'interrupted.png');

    // One more cell, which must run and print
    await addCellAtEnd(page, AFTER_CELL);
    await menu(page, 'celllink', 'run_cell');
    let afterRan = true;
    try {
      await waitUntilAllFinished(page, CELL_MS);
    } catch (e) {
      afterRan = false;
    }
    await screenshot(page, 'after-interrupt.png');
    const finalCells = await codeCells(page);
    const longCell = finalCells[finalCells.length - 2];
    const afterCell = finalCells[finalCells.length - 1];

    console.log(`browser test: ${NOTEBOOK}`);
    check(opened.dirty === false, `the notebook opened without unsaved changes (dirty: ${opened.dirty})`);
    check(opened.trusted === true, `the notebook opened trusted (trusted: ${opened.trusted})`);
    const withErrors = ranCells.filter((c) => c.errors.length > 0);
    check(ranCells.length > 0 && ranCells.every((c) => /\[\d+\]/.test(c.prompt)),
      `Run All: all ${ranCells.length} code cells finished`);
    check(withErrors.length === 0, `no cell shows an error${withErrors.length ? ': '
      + withErrors.map((c) => `${c.prompt} ${c.errors[0]}`).join(' | ') : ''}`);
    check(pictureOutputs > 0 && images.length === pictureOutputs,
      `every picture output is an <img> (${images.length} images, ${pictureOutputs} picture outputs)`);
    check(images.length > 0 && images.every((i) => i.complete && i.width > 50 && i.height > 50),
      `every image decoded to a real size (${images.map((i) => `${i.width}x${i.height}`).join(', ')})`);
    check(interrupted, `Kernel > Interrupt finished the long cell (${interrupted
      ? `after ${interruptSeconds.toFixed(1)} s` : `still running after ${INTERRUPT_MS / 1000} s`})`);
    check(!longCell.output.includes('not interrupted'), 'the interrupted cell stopped inside its loop');
    check(afterRan && afterCell.output.includes(AFTER_OUTPUT),
      `the cell after the interrupt printed "${AFTER_OUTPUT}" (it shows ${afterCell.prompt.trim()}`
      + ` "${afterCell.output.trim().slice(0, 80)}")`);
    check(afterCell.errors.length === 0, 'the cell after the interrupt shows no error');
    check(sha256(notebookFile) === before, `notebooks/${NOTEBOOK} on disk is unchanged`);

    await stepTheAnimation(context, base, token);
  } finally {
    clearTimeout(watchdog);
    if (context) await context.close().catch(() => {});
    await stopServer(base, token, server);
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const seconds = ((Date.now() - began) / 1000).toFixed(1);
  console.log(`browser test: ${failures.length ? `${failures.length} check(s) FAILED` : 'passed'} in ${seconds} s`
    + ` (screenshots in ${path.relative(ROOT, OUT)}/)`);
  return failures.length ? 1 : 0;
}

main().then((status) => process.exit(status), (error) => {
  console.error(`browser test: ${error.stack || error}`);
  process.exit(1);
});
