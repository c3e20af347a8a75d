// A small formatted-text editor for notice bodies: contenteditable with a toolbar of the few
// formats a notice needs (headings, bold, lists, tables). Text pasted from Word keeps its
// structure; the server sanitizes whatever arrives.
window.xiheEditor = {
  init(element, dotnet, html) {
    element.innerHTML = html || "";
    // Each push carries the generation of the content it read; after the server replaces the
    // content (set), a push still in flight from before is recognised as stale and ignored.
    element._xiheGeneration = 0;
    const push = () => {
      clearTimeout(element._xiheTimer);
      dotnet.invokeMethodAsync("OnBodyChanged", element.innerHTML, element._xiheGeneration);
    };
    element.addEventListener("input", () => { clearTimeout(element._xiheTimer); element._xiheTimer = setTimeout(push, 300); });
    element.addEventListener("blur", push);
    element._xihePush = push;
  },
  command(element, name, value) {
    element.focus();
    if (name === "table") {
      const rows = 3, cols = 3;
      let t = "<table><tbody>";
      for (let r = 0; r < rows; r++) { t += "<tr>" + "<td>&nbsp;</td>".repeat(cols) + "</tr>"; }
      t += "</tbody></table><p></p>";
      document.execCommand("insertHTML", false, t);
    } else if (name === "formatBlock") {
      document.execCommand("formatBlock", false, value);
    } else {
      document.execCommand(name, false, value || null);
    }
    if (element._xihePush) element._xihePush();
  },
  set(element, html, generation) {
    clearTimeout(element._xiheTimer);
    element._xiheGeneration = generation;
    element.innerHTML = html || "";
  }
};
