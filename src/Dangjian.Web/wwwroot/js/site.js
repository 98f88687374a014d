// Progressive enhancement only: every form works without this file.
(function () {
    "use strict";

    // Ask before destructive actions: <button data-confirm="撤销后该令牌立即失效，确定撤销吗？">.
    document.addEventListener("submit", function (event) {
        var submitter = event.submitter;
        var message = (submitter && submitter.getAttribute("data-confirm")) || event.target.getAttribute("data-confirm");
        if (message && !window.confirm(message)) {
            event.preventDefault();
        }
    }, true);

    // Long-running forms (imports) say they are working and cannot be sent twice: <form data-busy="正在导入……">.
    document.addEventListener("submit", function (event) {
        var form = event.target;
        var message = form.getAttribute && form.getAttribute("data-busy");
        if (!message || event.defaultPrevented) { return; }
        var button = form.querySelector("button[type=submit]");
        if (button) {
            button.disabled = true;
            button.innerHTML = '<span class="spinner-border spinner-border-sm me-2" aria-hidden="true"></span>' + message;
        }
    });

    // htmx requests carry the antiforgery token of the page.
    document.addEventListener("htmx:configRequest", function (event) {
        var token = document.querySelector("input[name='__RequestVerificationToken']");
        if (token) {
            event.detail.headers["RequestVerificationToken"] = token.value;
        }
    });

    document.addEventListener("click", function (event) {
        if (event.target.closest("[data-print]")) { window.print(); }
    });

    // Copy buttons: <button data-copy="#id">.
    document.addEventListener("click", function (event) {
        var button = event.target.closest("[data-copy]");
        if (!button) { return; }
        var source = document.querySelector(button.getAttribute("data-copy"));
        if (source && navigator.clipboard) {
            navigator.clipboard.writeText(source.textContent.trim()).then(function () {
                button.textContent = "已复制";
            });
        }
    });
})();
