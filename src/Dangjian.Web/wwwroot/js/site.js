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

    // Print buttons: <button type="button" data-print>. No inline onclick: the Content-Security-Policy blocks it.
    document.addEventListener("click", function (event) {
        if (event.target.closest("[data-print]")) { window.print(); }
    });

    // Selectors that act at once (the campaign switcher): <select data-submit-on-change>; the form's button serves without script.
    document.addEventListener("change", function (event) {
        var select = event.target.closest && event.target.closest("select[data-submit-on-change]");
        if (select && select.form) { select.form.requestSubmit(); }
    });

    // A voting code travels in a form field, never in a URL: a QR slip carries it after "#" (never sent to the server),
    // this moves it into the code form, drops it from the address bar and history, and opens the ballot.
    document.querySelectorAll("form[data-code-from-hash]").forEach(function (form) {
        var match = /^#t=([A-Za-z0-9_-]{1,64})$/.exec(window.location.hash);
        if (!match) { return; }
        history.replaceState(null, "", window.location.pathname);
        form.querySelector("input[name=t]").value = match[1];
        form.submit();
    });

    // Forms that only hand a value on (我的测评票 → the anonymous ballot) go on by themselves; the button stays for no-script use.
    document.querySelectorAll("form[data-autosubmit]").forEach(function (form) { form.submit(); });

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

    // Countdown to a deadline: <span data-deadline="2026-11-23T08:00:00Z" data-submit="#form">. At zero the form is sent,
    // so an answer sheet arrives on time even if the taker forgets; the server still enforces the deadline itself.
    document.querySelectorAll("[data-deadline]").forEach(function (element) {
        var deadline = Date.parse(element.getAttribute("data-deadline"));
        var form = element.getAttribute("data-submit") && document.querySelector(element.getAttribute("data-submit"));
        var sent = false;
        function tick() {
            var left = Math.max(0, Math.floor((deadline - Date.now()) / 1000));
            var minutes = Math.floor(left / 60), seconds = left % 60;
            element.textContent = "剩余 " + minutes + " 分 " + (seconds < 10 ? "0" : "") + seconds + " 秒";
            element.classList.toggle("text-danger", left <= 60);
            if (left === 0 && form && !sent) {
                sent = true;
                form.requestSubmit();
            }
        }
        tick();
        window.setInterval(tick, 1000);
    });
})();
