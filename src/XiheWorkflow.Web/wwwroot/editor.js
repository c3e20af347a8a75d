// A small formatted-text editor for notice bodies: contenteditable with a toolbar of the few
// formats a notice needs (headings, bold, lists, tables). Text pasted from Word keeps its
// structure; the server sanitizes whatever arrives.
window.xiheEditor = {
  init(element, dotnet, html) {
    element.innerHTML = html || "";
    let timer = null;
    const push = () => dotnet.invokeMethodAsync("OnBodyChanged", element.innerHTML);
    element.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(push, 300); });
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
  set(element, html) { element.innerHTML = html || ""; }
};
