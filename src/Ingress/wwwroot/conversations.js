// The dashboard's conversations view: the shown bot's conversations (most recently active first, filtered here by
// channel, last intent and fallback) and, for the one chosen, its turns as a transcript with what NLU understood.
(() => {
  const $ = id => document.getElementById(id);
  let conversations = [];

  async function get(path) {
    const response = await fetch(path, { headers: { "X-Api-Key": $("key").value } });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.json();
  }

  const cell = (text, className) => Object.assign(document.createElement("td"), { textContent: text, className: className || "" });

  function render() {
    const channel = $("channel-filter").value;
    const intent = $("intent-filter").value.trim().toLowerCase();
    const fallbackOnly = $("fallback-filter").checked;
    const shown = conversations.filter(c => (!channel || c.channel === channel)
      && (!intent || c.lastIntent.toLowerCase().includes(intent))
      && (!fallbackOnly || c.lastIntent === "fallback" || c.dialogueState === "fallback"));
    const rows = shown.map(c => {
      const row = document.createElement("tr");
      row.dataset.conversation = c.conversationId;
      row.append(cell(new Date(c.lastMessageAt).toLocaleString()), cell(c.conversationId), cell(c.channel), cell(String(c.turns)),
        cell(c.lastIntent, c.lastIntent === "fallback" ? "fallback" : ""), cell(c.dialogueState));
      row.addEventListener("click", () => open(c.conversationId));
      return row;
    });
    if (rows.length === 0) {
      const empty = document.createElement("tr");
      empty.append(Object.assign(cell(conversations.length ? "No conversation matches the filters." : "No conversations yet."), { colSpan: 6 }));
      rows.push(empty);
    }
    $("conversation-list").tBodies[0].replaceChildren(...rows);
  }

  function line(className, text) {
    return Object.assign(document.createElement("li"), { className, textContent: text });
  }

  async function open(conversationId) {
    const bot = $("bot").value;
    for (const row of $("conversation-list").tBodies[0].rows) row.classList.toggle("open", row.dataset.conversation === conversationId);
    const view = await get(`/api/bots/${encodeURIComponent(bot)}/conversations/${encodeURIComponent(conversationId)}`);
    const heading = Object.assign(document.createElement("h3"), { textContent: `${view.conversationId} · ${view.turns.length} turns` });
    const list = document.createElement("ol");
    for (const turn of view.turns) {
      list.append(line("user", turn.text));
      const entities = (turn.entities || []).map(e => `${e.entity}=${e.value}`).join(", ");
      list.append(line(`meta${turn.intent === "fallback" ? " fallback" : ""}`,
        `${turn.intent} · ${(100 * turn.confidence).toFixed(0)}%${entities ? ` · ${entities}` : ""} · ${turn.dialogueState}`));
      // Replies as the chat page shows them: reply Markdown rendered (escaped first: nothing a bot or API said becomes markup).
      for (const reply of turn.replies) list.append(Object.assign(line("bot", ""), { innerHTML: markdown(reply) }));
    }
    $("transcript").replaceChildren(heading, list);
    $("transcript").dataset.conversation = conversationId;
  }

  async function load(bot) {
    conversations = await get(`/api/bots/${encodeURIComponent(bot)}/conversations?limit=200`);
    const channels = [...new Set(conversations.map(c => c.channel))].sort();
    const chosen = $("channel-filter").value;
    $("channel-filter").replaceChildren(new Option("all", ""), ...channels.map(c => new Option(c, c)));
    $("channel-filter").value = channels.includes(chosen) ? chosen : "";
    render();
    document.body.dataset.conversationsLoaded = "true";
    const wanted = new URLSearchParams(location.hash.slice(1)).get("conversation");
    if (wanted && conversations.some(c => c.conversationId === wanted)) await open(wanted);
  }

  for (const id of ["channel-filter", "intent-filter", "fallback-filter"]) $(id).addEventListener("input", render);
  document.addEventListener("bot-shown", event => load(event.detail.bot).catch(error => { $("status").textContent = error.message; }));
})();
