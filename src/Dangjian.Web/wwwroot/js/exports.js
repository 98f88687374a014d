// 台账导出: downloads each ledger with fetch (the page stays usable and shows what is happening), or fetches every
// checked one in turn and packs them into one zip with JSZip, with a progress bar. Every file still comes from its own
// page's export, so the server's checks and audit apply as usual.
(function () {
    'use strict';
    var box = document.querySelector('[data-exports]');
    if (!box) { return; }

    function fileName(response, fallback) {
        var header = response.headers.get('Content-Disposition') || '';
        var star = /filename\*=UTF-8''([^;]+)/i.exec(header);
        if (star) { try { return decodeURIComponent(star[1]); } catch (e) { /* fall through */ } }
        var plain = /filename="?([^";]+)"?/i.exec(header);
        return plain ? plain[1] : fallback;
    }

    function size(bytes) {
        return bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + ' MB' : Math.max(1, Math.round(bytes / 1024)) + ' KB';
    }

    // Fetches one export; reports bytes as they arrive; rejects with a Chinese reason when the server sent a page instead.
    function fetchExport(url, onBytes) {
        return fetch(url, { credentials: 'same-origin' }).then(function (response) {
            var type = response.headers.get('Content-Type') || '';
            if (!response.ok || type.indexOf('text/html') === 0) {
                throw new Error(response.status === 404 ? '记录已不存在' : '无法导出（无权限或暂无数据）');
            }
            var name = fileName(response, 'export');
            if (!response.body || !response.body.getReader) {
                return response.blob().then(function (blob) { return { name: name, blob: blob }; });
            }
            var reader = response.body.getReader();
            var chunks = [];
            var received = 0;
            function pump() {
                return reader.read().then(function (step) {
                    if (step.done) { return { name: name, blob: new Blob(chunks, { type: type }) }; }
                    chunks.push(step.value);
                    received += step.value.length;
                    if (onBytes) { onBytes(received); }
                    return pump();
                });
            }
            return pump();
        });
    }

    function save(blob, name) {
        var link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = name;
        document.body.appendChild(link);
        link.click();
        setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 60000);
    }

    function stateOf(item) { return item.querySelector('[data-export-state]'); }

    box.querySelectorAll('[data-export-one]').forEach(function (button) {
        button.addEventListener('click', function (event) {
            event.preventDefault();
            var state = stateOf(button.closest('[data-export-item]'));
            state.className = 'small text-secondary';
            state.textContent = '正在生成…';
            button.classList.add('disabled');
            fetchExport(button.getAttribute('href'), function (bytes) { state.textContent = '已接收 ' + size(bytes); })
                .then(function (file) {
                    save(file.blob, file.name);
                    state.className = 'small text-success';
                    state.textContent = '已下载 ' + size(file.blob.size);
                })
                .catch(function (error) { state.className = 'small text-danger'; state.textContent = error.message || '下载失败'; })
                .then(function () { button.classList.remove('disabled'); });
        });
    });

    var all = box.querySelector('[data-export-all]');
    var panel = box.querySelector('[data-export-progress]');
    var bar = panel.querySelector('.progress-bar');
    var status = panel.querySelector('[data-export-status]');
    var count = panel.querySelector('[data-export-count]');
    function progress(percent, text) {
        bar.style.width = percent + '%';
        panel.querySelector('[role=progressbar]').setAttribute('aria-valuenow', String(Math.round(percent)));
        status.textContent = text;
    }

    all.addEventListener('click', function () {
        var checked = Array.prototype.slice.call(box.querySelectorAll('[data-export-url]:checked'));
        panel.classList.remove('d-none');
        if (checked.length === 0) { progress(0, '请至少勾选一份台账。'); count.textContent = ''; return; }
        if (typeof JSZip === 'undefined') { progress(0, '打包组件未加载，请逐个下载。'); return; }
        all.disabled = true;
        var zip = new JSZip();
        var failed = [];
        var names = {};
        var index = 0;
        function next() {
            if (index >= checked.length) { return Promise.resolve(); }
            var input = checked[index];
            var item = input.closest('[data-export-item]');
            var state = stateOf(item);
            var label = input.getAttribute('data-export-name');
            count.textContent = (index + 1) + ' / ' + checked.length;
            progress(80 * index / checked.length, '正在生成：' + label);
            state.className = 'small text-secondary';
            state.textContent = '正在生成…';
            return fetchExport(input.getAttribute('data-export-url'))
                .then(function (file) {
                    var name = file.name;
                    // Two exports may bring the same file name (two ledgers of one title): keep both.
                    for (var n = 2; names[name]; n++) { name = file.name.replace(/(\.[^.]+)?$/, '（' + n + '）$1'); }
                    names[name] = true;
                    zip.file(name, file.blob);
                    state.className = 'small text-success';
                    state.textContent = '已加入';
                })
                .catch(function (error) {
                    failed.push(label);
                    state.className = 'small text-danger';
                    state.textContent = error.message || '失败';
                })
                .then(function () { index++; return next(); });
        }

        next()
            .then(function () {
                if (Object.keys(names).length === 0) { throw new Error('没有可打包的文件。'); }
                progress(80, '正在打包…');
                return zip.generateAsync({ type: 'blob' }, function (meta) { progress(80 + (meta.percent / 5), '正在打包…'); });
            })
            .then(function (blob) {
                save(blob, (box.getAttribute('data-zip-name') || '台账汇总') + '.zip');
                progress(100, failed.length ? '已打包下载，其中' + failed.length + '份未能导出：' + failed.join('、') : '已打包下载' + Object.keys(names).length + '份台账。');
                panel.setAttribute('data-done', 'true');
            })
            .catch(function (error) { progress(0, error.message || '打包失败，请逐个下载。'); })
            .then(function () { all.disabled = false; });
    });
})();
