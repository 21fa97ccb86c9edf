package dev.heatcheck.internal.capture;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import com.microsoft.playwright.Page;
import dev.heatcheck.HeatcheckException;
import dev.heatcheck.internal.browser.BrowserSession;
import java.util.List;
import java.util.Optional;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** The recorder's minifier: minified code must do exactly what the source does, in a real Chromium. */
public class MinifyTest {
  private BrowserSession browser;
  private Page page;

  @BeforeClass
  public void startBrowser() {
    browser = BrowserSession.open(Optional.empty(), false, System.err);
    page = browser.browser().newPage();
  }

  @AfterClass(alwaysRun = true)
  public void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @DataProvider
  public Object[][] programs() {
    return new Object[][] {
      {"spread, shorthand properties and array patterns", """
          (() => {
            const list = [1, 2, 3];
            const copy = [...list];
            const total = copy.reduce((sum, value) => sum + value, 0);
            const point = { total, list };
            const pairs = [[1, 'a'], [2, 'b']].map(([number, letter]) => letter + number);
            return JSON.stringify({ point, pairs, spread: { ...point, more: [...copy, ...list].length } });
          })()"""},
      {"regular expressions and divisions", """
          (() => {
            const a = 10, b = 2;
            const half = a / b / 1; // not a regex
            const test = (s) => /^a\\/b[/]$/.test(s);
            const split = 'x y  z'.split(/\\s+/);
            const flags = /AbC/gi.flags;
            const after = (v) => { if (!v) return /x/.source; return typeof /y/ + (v / 2); };
            return [half, test('a/b/'), split.length, flags, after(0), after(4)].join(',');
          })()"""},
      {"line breaks that end statements", """
          (() => {
            let i = 0
            i++
            const f = () => {
              return (
                i + 1)
            }
            const g = function () { return
            }
            let j = i
            ++j
            return [f(), g(), i, j].join(',')
          })()"""},
      {"comments and what only looks like them", """
          (() => {
            /* a block
               comment */
            const url = 'http://x/*y*/'; // a line comment
            const text = "a // b /* c */";
            const tick = `template // with /* no */ comment`;
            return [url, text, tick].join('|');
          })()"""},
      {"defaults, shadowing, arguments and keys named like variables", """
          (() => {
            const name = 'n';
            const make = (value, extra = name + '!', [first, second] = [1, 2]) => ({ value, extra, name: name, first, second });
            function count() { return arguments.length; }
            const inner = () => { const name = 'inner'; return name; };
            const k = 1;
            const chosen = k ? { k: k, name } : { k };
            return JSON.stringify([make(1), count(1, 2, 3), inner(), name, chosen]);
          })()"""},
      {"declarations joined with commas", """
          (() => {
            const a = () => { return 1; };
            const b = a() + 1;
            for (const x of [1]) void x;
            const c = b + 1;
            let d = 0;
            for (let i = 0; i < 3; i++) d += i;
            if (d) { const e = 1; d += e; }
            const f = { g: () => 2, list: [1, 2,], };
            const h = f.g();
            let k = 1;
            let m = k + f.list.length;
            const holes = [, 1].length + [1, , ].length;
            return [a(), b, c, d, h, k, m, holes].join(',');
          })()"""},
      {"true, false and object literals after arrows", """
          (() => {
            const flags = { on: true, off: false, deep: { yes: true } };
            const wrap = (v) => ({ v, not: !v });
            const block = (v) => { return { v }; };
            try { throw new Error('x'); } catch (error) { flags.caught = error.message; }
            return JSON.stringify([flags, wrap(true), block(false), true === !0, false]);
          })()"""},
    };
  }

  @Test(dataProvider = "programs")
  public void minified_code_does_what_the_source_does(String what, String source) {
    String minified = Minify.js(source);

    assertEquals(page.evaluate(minified), page.evaluate(source), what + ":\n" + minified);
    assertTrue(minified.length() < source.length(), what);
  }

  @Test
  public void the_recorder_loses_its_comments_and_long_names_but_keeps_its_strings() {
    String script = Recorder.script();
    String source = Recorder.source();

    assertTrue(script.length() < source.length() * 0.6, script.length() + " of " + source.length());
    assertFalse(script.contains("// "), "no line comments");
    assertFalse(script.contains("pending"), "local names are shortened");
    assertTrue(script.contains("'data-testid'") && script.contains("__heatcheck"), "strings and the binding's name stay");
    assertTrue(script.startsWith("(") && script.contains("=>") && script.endsWith(")"), "still a function the options are passed to");
  }

  @Test
  public void code_it_cannot_rename_safely_is_refused() {
    for (String code : List.of("(() => { const x = 1; return `${x}`; })()", "(() => { const { a } = { a: 1 }; return a; })()")) {
      expectThrows(HeatcheckException.class, () -> Minify.js(code));
    }
  }
}
