// The print button of the 公开栏 sheet: a file, because the Content-Security-Policy refuses inline script.
document.addEventListener("DOMContentLoaded", () => {
    const button = document.getElementById("print-button");
    if (button) button.addEventListener("click", () => window.print());
});
