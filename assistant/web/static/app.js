// Progressive enhancement of the server-rendered pages: every page works as plain form posts without
// this file. With it, answers stream in, [n] opens a source panel, the conversation survives a reload,
// feedback and copy work, and the admin page talks to the admin API.
"use strict";

(function () {
  const T = JSON.parse(document.getElementById("ui-strings").textContent);
  const MF = document.body.dataset.maalform || "nb";
  const CONVERSATION_KEY = "kompetanseassistenten.samtale";
  const ADMIN_KEY = "kompetanseassistenten.admin";

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (_, k) => (k in values ? values[k] : `{${k}}`));
  }

  async function errorMessage(response) {
    try {
      const body = await response.json();
      if (body && body.message) return body.message;
    } catch (_) { /* not JSON */ }
    return `${T.error_prefix} HTTP ${response.status}`;
  }

  // --- the source panel ------------------------------------------------------------------------

  const panel = document.getElementById("source-panel");
  let opener = null;

  function openSource(button) {
    const source = document.getElementById(button.dataset.target);
    if (!panel || !source) return;
    const body = panel.querySelector(".source-panel__body");
    body.replaceChildren(...Array.from(source.cloneNode(true).childNodes));
    body.querySelectorAll("[id]").forEach((n) => n.removeAttribute("id"));
    opener = button;
    panel.showModal();
    panel.querySelector("[data-close]").focus();
  }

  if (panel) {
    panel.querySelector("[data-close]").addEventListener("click", () => panel.close());
    panel.addEventListener("click", (event) => { if (event.target === panel) panel.close(); });
    panel.addEventListener("close", () => { if (opener) opener.focus(); });
  }

  // Citation links jump to the source list without script; with it they are buttons that open the panel.
  function enhanceCitations(root) {
    if (!panel) return;
    root.querySelectorAll("a.cite").forEach((link) => {
      const n = link.dataset.n;
      const button = el("button", {
        type: "button",
        class: "cite",
        "data-target": link.getAttribute("href").slice(1),
        "aria-label": fill(T.open_source, { n }),
        "aria-haspopup": "dialog",
      }, `[${n}]`);
      button.addEventListener("click", () => openSource(button));
      link.replaceWith(button);
    });
  }

  // --- feedback --------------------------------------------------------------------------------

  function enhanceFeedback(root) {
    root.querySelectorAll("form.feedback").forEach((form) => {
      form.hidden = false;
      let rating = null;
      const status = form.querySelector(".feedback__status");
      const comment = form.querySelector(".feedback__comment");
      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        const value = event.submitter ? event.submitter.value : "send";
        if (value === "up" || value === "down") {
          rating = value;
          form.querySelectorAll("button[value=up], button[value=down]").forEach((b) =>
            b.setAttribute("aria-pressed", String(b.value === value)));
          comment.hidden = false;
          return;
        }
        const conversationId = document.getElementById("conversation").dataset.conversationId;
        const response = await fetch("/api/feedback", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({
            conversation_id: conversationId,
            message_id: form.dataset.messageId,
            rating: rating || "up",
            comment: form.querySelector("textarea").value || null,
          }),
        }).catch(() => null);
        if (response && response.ok) {
          form.querySelector("fieldset").replaceChildren(el("p", { role: "status" }, T.feedback_thanks));
        } else {
          status.textContent = response ? await errorMessage(response) : T.network_error;
        }
      });
    });
  }

  function enhance(root) {
    enhanceCitations(root);
    enhanceFeedback(root);
  }

  // --- chat ------------------------------------------------------------------------------------

  const conversation = document.getElementById("conversation");
  const askForm = document.getElementById("ask-form");

  function setConversation(id) {
    conversation.dataset.conversationId = id || "";
    askForm.querySelector("[name=conversation_id]").value = id || "";
    if (id) localStorage.setItem(CONVERSATION_KEY, id); else localStorage.removeItem(CONVERSATION_KEY);
  }

  async function fragment(conversationId, messageId) {
    const query = new URLSearchParams({ mf: MF });
    if (messageId) query.set("message_id", messageId);
    const response = await fetch(`/samtale/${encodeURIComponent(conversationId)}?${query}`);
    if (!response.ok) return null;
    const holder = document.createElement("ol");
    holder.innerHTML = await response.text();
    return Array.from(holder.children);
  }

  // Server-Sent Events over fetch: a POST body is needed, which EventSource cannot send.
  async function* events(response) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, "\n");
      let cut;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        let event = "message";
        const data = [];
        block.split("\n").forEach((line) => {
          if (line.startsWith("event:")) event = line.slice(6).trim();
          else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
        });
        yield { event, data: data.join("\n") };
      }
    }
  }

  function showError(message) {
    const error = document.getElementById("message-error");
    const input = document.getElementById("message");
    error.textContent = message;
    error.hidden = false;
    input.setAttribute("aria-invalid", "true");
    input.focus();
  }

  function clearError() {
    const error = document.getElementById("message-error");
    error.hidden = true;
    error.textContent = "";
    document.getElementById("message").removeAttribute("aria-invalid");
  }

  async function ask(message) {
    const pending = el("li", { class: "exchange exchange--pending" });
    const user = el("div", { class: "turn turn--user" });
    user.append(el("p", { class: "turn__who" }, T.you), el("p", { class: "turn__text" }, message));
    const reply = el("div", { class: "turn turn--assistant", "aria-busy": "true" });
    const text = el("p", { class: "answer answer--streaming" });
    reply.append(el("p", { class: "turn__who" }, T.assistant), el("p", { class: "sr-only" }, T.answering), text);
    pending.append(user, reply);
    conversation.append(pending);

    let response;
    try {
      response = await fetch("/api/chat/stream", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
        body: JSON.stringify({
          message,
          conversation_id: conversation.dataset.conversationId || null,
          maalform: MF,
        }),
      });
    } catch (_) {
      pending.remove();
      showError(T.network_error);
      return false;
    }
    if (response.status === 404 && conversation.dataset.conversationId) {
      pending.remove();
      conversation.replaceChildren();
      setConversation("");
      return ask(message);  // the stored conversation is gone: start a new one with the same question
    }
    if (!response.ok) {
      pending.remove();
      showError(await errorMessage(response));
      return false;
    }
    let meta = null;
    for await (const { event, data } of events(response)) {
      if (event === "delta") text.textContent += JSON.parse(data).text;
      else if (event === "restart") text.textContent = "";
      else if (event === "citations") meta = JSON.parse(data);
    }
    if (!meta) {
      pending.remove();
      showError(T.network_error);
      return false;
    }
    setConversation(meta.conversation_id);
    const rendered = await fragment(meta.conversation_id, meta.message_id);
    if (rendered && rendered.length) {
      pending.replaceWith(...rendered);
      rendered.forEach(enhance);
    } else {
      reply.removeAttribute("aria-busy");
    }
    return true;
  }

  if (askForm && conversation) {
    const input = document.getElementById("message");
    askForm.addEventListener("submit", async (event) => {
      event.preventDefault();
      const message = input.value.trim();
      if (!message) {
        showError(T.field_required);
        return;
      }
      clearError();
      const button = askForm.querySelector("button[type=submit]");
      button.disabled = true;
      try {
        if (await ask(message)) input.value = "";
      } finally {
        button.disabled = false;
      }
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        askForm.requestSubmit();
      }
    });
    document.getElementById("new-chat").addEventListener("click", (event) => {
      event.preventDefault();
      setConversation("");
      conversation.replaceChildren();
      clearError();
      input.value = "";
      input.focus();
    });
    // After a plain post the page holds the conversation; otherwise a reload brings it back.
    const shown = conversation.dataset.conversationId;
    const stored = localStorage.getItem(CONVERSATION_KEY);
    if (shown) {
      setConversation(shown);
    } else if (stored && !new URLSearchParams(location.search).has("ny")) {
      fragment(stored).then((items) => {
        if (items === null) { setConversation(""); return; }
        conversation.append(...items);
        setConversation(stored);
        items.forEach(enhance);
      });
    }
  }
  enhance(document);

  // --- copy (reply drafts) ---------------------------------------------------------------------

  document.querySelectorAll("[data-copy]").forEach((button) => {
    const source = document.querySelector(button.dataset.copy);
    const status = button.parentElement.querySelector(".copy-status");
    if (!source || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", async () => {
      await navigator.clipboard.writeText(source.value);
      status.textContent = T.copied;
    });
  });

  // A result or an error summary that came with the page gets the focus, so a screen reader hears it.
  const arrived = document.querySelector("#error-summary, #eligibility-result, #results, #letter");
  if (arrived) arrived.focus();

  // --- admin -----------------------------------------------------------------------------------

  const login = document.getElementById("admin-login");
  if (!login) return;
  const area = document.getElementById("admin-area");
  const keyInput = document.getElementById("admin-key");
  const keyError = document.getElementById("admin-key-error");

  function key() { return sessionStorage.getItem(ADMIN_KEY) || ""; }
  function auth() { return { Authorization: `Bearer ${key()}` }; }

  async function api(path, options) {
    const response = await fetch(path, { ...(options || {}), headers: { ...auth(), ...((options || {}).headers || {}) } });
    if (response.status === 401 || response.status === 403) {
      const message = await errorMessage(response);
      sessionStorage.removeItem(ADMIN_KEY);
      showLogin(message);
      throw new Error(message);
    }
    return response;
  }

  function showLogin(message) {
    area.hidden = true;
    login.hidden = false;
    keyError.hidden = !message;
    keyError.textContent = message || "";
    if (message) keyInput.setAttribute("aria-invalid", "true");
  }

  function cell(text) { return el("td", {}, text); }

  async function loadGaps() {
    const status = document.getElementById("gaps-status");
    const table = document.getElementById("gaps-table");
    const response = await api("/api/admin/gaps");
    if (!response.ok) { status.textContent = await errorMessage(response); return; }
    const body = await response.json();
    const rows = body.groups.map((g) => {
      const tr = el("tr");
      const list = el("ul");
      g.questions.forEach((q) => list.append(el("li", {}, q)));
      const all = el("td");
      all.append(list);
      tr.append(cell(String(g.count)), cell((g.latest || "").slice(0, 10)), cell(g.example), cell(g.answer), all);
      return tr;
    });
    table.querySelector("tbody").replaceChildren(...rows);
    table.hidden = rows.length === 0;
    status.textContent = rows.length ? "" : T.no_gaps;
  }

  async function loadDocuments() {
    const status = document.getElementById("docs-status");
    const response = await api("/api/documents");
    if (!response.ok) { status.textContent = await errorMessage(response); return; }
    const docs = await response.json();
    const rows = docs.map((d) => {
      const tr = el("tr");
      const actions = el("td");
      const remove = el("button", { type: "button", class: "ds-button", "data-variant": "secondary", "data-size": "sm",
        "data-color": "danger" }, T.delete);
      remove.addEventListener("click", async () => {
        if (!window.confirm(fill(T.delete_confirm, { name: d.title || d.id }))) return;
        const reply = await api(`/api/documents/${d.id.split("/").map(encodeURIComponent).join("/")}`, { method: "DELETE" });
        status.textContent = reply.ok ? fill(T.deleted, { name: d.title || d.id }) : await errorMessage(reply);
        if (reply.ok) loadDocuments();
      });
      // A corpus document's file stays in corpus/, where the next ingest would bring it back from.
      actions.append(d.origin === "corpus" ? T.fixed_document : remove);
      tr.append(cell(d.title), cell(d.id), cell(String(d.chunks)), actions);
      return tr;
    });
    document.querySelector("#docs-table tbody").replaceChildren(...rows);
  }

  function upload(file) {
    const progress = document.getElementById("upload-progress");
    const status = document.getElementById("upload-status");
    const data = new FormData();
    data.append("file", file);
    const request = new XMLHttpRequest();
    request.open("POST", "/api/documents");
    request.setRequestHeader("Authorization", `Bearer ${key()}`);
    progress.hidden = false;
    progress.value = 0;
    status.textContent = T.uploading;
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) progress.value = Math.round((100 * event.loaded) / event.total);
    });
    request.addEventListener("load", () => {
      progress.hidden = true;
      let message = `${T.error_prefix} HTTP ${request.status}`;
      try { message = JSON.parse(request.responseText).message || message; } catch (_) { /* keep */ }
      status.textContent = message;  // the API's Norwegian message, for 415, 413 and 422 too
      if (request.status < 300) loadDocuments();
    });
    request.addEventListener("error", () => { progress.hidden = true; status.textContent = T.network_error; });
    request.send(data);
  }

  async function enter() {
    try {
      await Promise.all([loadDocuments(), loadGaps()]);
      login.hidden = true;
      area.hidden = false;
    } catch (_) { /* showLogin already said why */ }
  }

  login.addEventListener("submit", (event) => {
    event.preventDefault();
    sessionStorage.setItem(ADMIN_KEY, keyInput.value);
    keyInput.removeAttribute("aria-invalid");
    enter();
  });
  document.getElementById("admin-logout").addEventListener("click", () => {
    sessionStorage.removeItem(ADMIN_KEY);
    keyInput.value = "";
    showLogin("");
  });
  document.getElementById("upload-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const file = document.getElementById("upload-file").files[0];
    if (file) upload(file);
  });
  document.getElementById("gaps-csv").addEventListener("click", async () => {
    const response = await api("/api/admin/gaps.csv");
    if (!response.ok) { document.getElementById("gaps-status").textContent = await errorMessage(response); return; }
    const link = el("a", { href: URL.createObjectURL(await response.blob()), download: "ubesvarte-sporsmal.csv" });
    document.body.append(link);
    link.click();
    link.remove();
  });
  if (key()) enter(); else showLogin("");
})();
