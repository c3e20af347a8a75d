// Copies a channel text (a textarea's value) to the clipboard; imported as a module by Blazor
// because the Content-Security-Policy refuses inline script.

export async function copyText(elementId) {
    const element = document.getElementById(elementId);
    if (!element) return false;
    try {
        await navigator.clipboard.writeText(element.value);
        return true;
    } catch {
        // Over plain http on the township's LAN the clipboard API is not offered: fall back to selecting.
        element.focus();
        element.select();
        return document.execCommand("copy");
    }
}
