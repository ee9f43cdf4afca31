/*
 * 개념 노트의 퀴즈를 브라우저에서 채점합니다 (외부 라이브러리 없음, 오프라인 동작).
 *
 * The quiz blocks are written at build time by grader/docs_site/quiz_hook.py from the same
 * quiz bank as `learn quiz`: plain HTML for each question plus the section's questions as JSON
 * (grader.quiz.export_question: answers, per-option feedback, explanations). This file grades
 * the same way grader/quiz/grading.py does, shows the feedback and the explanation, and keeps
 * every answer in localStorage so it survives reloads and Material's instant navigation.
 *
 * Two ways to keep answers:
 * - Served by `learn docs` (the page has an element with data-endpoint="/__learn/"): every answer
 *   is posted to the local server, which grades it again against the quiz bank and records it in
 *   the workspace's progress file (the same record `learn quiz` and `learn list` use). Answers and
 *   per-section counts come back from GET /__learn/state, so the site and `learn list` agree.
 * - A static build: answers stay in this browser, in localStorage and mirrored in one cookie per
 *   section. Cookies are shared by every port of the same host, so serving the site on another
 *   port does not lose them (localStorage alone is per origin, port included).
 *
 * On the progress page of a static build it also summarises the quizzes answered in this browser.
 */
(function () {
  "use strict";

  var PREFIX = "learn-quiz:v1:";
  var memory = {}; // fallback when localStorage is unavailable (private mode, file://)

  var COOKIE_PREFIX = "learn-quiz-";
  var COOKIE_DAYS = 400;

  // ---- cookies: one per section, {questionId: stored answer}; shared by all ports of a host
  function cookieName(section) {
    return COOKIE_PREFIX + String(section || "misc").replace(/[^a-z0-9-]/g, "");
  }

  function cookieRead(section) {
    var name = cookieName(section) + "=";
    var parts = (document.cookie || "").split("; ");
    for (var i = 0; i < parts.length; i++) {
      if (parts[i].indexOf(name) === 0) {
        try {
          var data = JSON.parse(decodeURIComponent(parts[i].slice(name.length)));
          return data && typeof data === "object" ? data : {};
        } catch (e) {
          return {};
        }
      }
    }
    return {};
  }

  function cookieWrite(section, data) {
    try {
      var value = encodeURIComponent(JSON.stringify(data));
      var life = Object.keys(data).length ? "; max-age=" + COOKIE_DAYS * 86400 : "; max-age=0";
      document.cookie = cookieName(section) + "=" + value + "; path=/; SameSite=Lax" + life;
    } catch (e) {
      /* no cookies (file://): localStorage only */
    }
  }

  function storageGet(key, section) {
    var found = null;
    try {
      var raw = window.localStorage.getItem(key);
      found = raw === null ? null : JSON.parse(raw);
    } catch (e) {
      found = Object.prototype.hasOwnProperty.call(memory, key) ? memory[key] : null;
    }
    if (found === null && section) {
      var mirrored = cookieRead(section)[key.slice(PREFIX.length)];
      if (mirrored) found = mirrored;
    }
    return found;
  }

  function storageSet(key, value, section) {
    memory[key] = value;
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
    } catch (e) {
      /* memory only */
    }
    if (section) {
      var data = cookieRead(section);
      data[key.slice(PREFIX.length)] = value;
      cookieWrite(section, data);
    }
  }

  function storageRemove(key, section) {
    delete memory[key];
    try {
      window.localStorage.removeItem(key);
    } catch (e) {
      /* memory only */
    }
    if (section) {
      var data = cookieRead(section);
      delete data[key.slice(PREFIX.length)];
      cookieWrite(section, data);
    }
  }

  // ---- the learn docs server (served mode)
  function endpoint() {
    var node = document.querySelector("[data-endpoint]");
    return node ? node.getAttribute("data-endpoint") : null;
  }

  var stateRequest = null; // one GET /__learn/state per page

  function serverState(base) {
    if (!stateRequest) {
      stateRequest = fetch(base + "state", { headers: { Accept: "application/json" }, cache: "no-store" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .catch(function () { return null; });
    }
    return stateRequest;
  }

  function postAnswer(base, body) {
    return fetch(base + "answer", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
      cache: "no-store"
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) throw new Error(data.error || ("HTTP " + response.status));
        return data;
      });
    });
  }

  /* Counts from the server: every element showing a section's (or the total) answered/correct. */
  function showCounts(counts) {
    if (!counts) return;
    var answered = 0, correct = 0, total = 0;
    Object.keys(counts).forEach(function (slug) {
      answered += counts[slug].answered; correct += counts[slug].correct; total += counts[slug].total;
    });
    document.querySelectorAll("[data-section] .learn-quiz-answered, .learn-quiz-answered[data-section]").forEach(function (node) {
      var holder = node.hasAttribute("data-section") ? node : node.closest("[data-section]");
      var c = counts[holder.getAttribute("data-section")];
      if (c) node.textContent = String(c.answered);
    });
    document.querySelectorAll("[data-section] .learn-quiz-correct, .learn-quiz-correct[data-section]").forEach(function (node) {
      var holder = node.hasAttribute("data-section") ? node : node.closest("[data-section]");
      var c = counts[holder.getAttribute("data-section")];
      if (c) node.textContent = String(c.correct);
    });
    document.querySelectorAll(".learn-quiz-total").forEach(function (node) {
      var a = node.querySelector(".learn-quiz-answered"), k = node.querySelector(".learn-quiz-correct");
      if (a) a.textContent = String(answered);
      if (k) k.textContent = String(correct);
    });
    document.querySelectorAll(".learn-bar--answers").forEach(function (bar) {
      bar.setAttribute("aria-valuenow", String(answered));
      var fill = bar.querySelector(".learn-bar-fill");
      if (fill) fill.style.width = (total ? (100 * answered) / total : 0).toFixed(1) + "%";
    });
  }

  function letter(index) {
    return "abcdefghijklmnopqrstuvwxyz".charAt(index);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  // ---------------------------------------------------------------------------------------
  // Grading: mirrors grader/quiz/answers.py and grader/quiz/grading.py

  var NUMBER_FORM = "숫자 하나를 입력하세요 (예: 0.8, 10, 1,000).";

  function parseNumber(raw, unit) {
    var shown = String(raw).trim();
    var text = shown.replace(/ /g, "");
    if (!text) throw new Error("답이 비어 있습니다. " + NUMBER_FORM);
    if (unit && text.length > unit.length && text.slice(-unit.length) === unit) {
      text = text.slice(0, -unit.length);
    }
    var value = null;
    if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text)) {
      value = parseFloat(text);
    } else if (/^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text)) {
      value = parseFloat(text.replace(/,/g, ""));
    } else if (/^[+-]?\d+,\d+$/.test(text)) {
      throw new Error("'" + shown + "': 소수점은 ','가 아니라 '.'로 쓰세요 (','는 1,000처럼 세 자리 구분에만 씁니다).");
    } else if (text.slice(-1) === "%") {
      throw new Error("'" + shown + "': %를 빼고 숫자만 입력하세요 (비율은 0.8처럼 소수로).");
    } else if (text.indexOf("/") >= 0) {
      throw new Error("'" + shown + "': 분수 대신 소수로 계산해 입력하세요 (예: 0.75).");
    } else {
      throw new Error("'" + shown + "'은(는) 숫자가 아닙니다. " + NUMBER_FORM);
    }
    if (!isFinite(value)) throw new Error("유한한 숫자여야 합니다. " + NUMBER_FORM);
    return value;
  }

  function byNumber(a, b) {
    return a - b;
  }

  function sameSet(a, b) {
    if (a.length !== b.length) return false;
    var sa = a.slice().sort(byNumber), sb = b.slice().sort(byNumber);
    for (var i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return false;
    return true;
  }

  function correctIndices(q) {
    var out = [];
    q.options.forEach(function (o, i) { if (o.correct) out.push(i); });
    return out;
  }

  /* Returns {correct: bool, feedback: string}. `value` is the stored answer value. */
  function grade(q, value) {
    var feedback = "";
    var correct = false;
    if (q.type === "single") {
      correct = !!q.options[value].correct;
      if (!correct) feedback = q.options[value].feedback || "";
    } else if (q.type === "multiple") {
      var right = correctIndices(q);
      correct = sameSet(value, right);
      if (!correct) {
        var parts = [];
        value.slice().sort(byNumber).forEach(function (i) {
          if (!q.options[i].correct && q.options[i].feedback) parts.push(letter(i) + ") " + q.options[i].feedback);
        });
        var missed = right.filter(function (i) { return value.indexOf(i) < 0; }).map(letter);
        if (missed.length) parts.push("고르지 않은 정답 보기가 있습니다: " + missed.join(", "));
        feedback = parts.join("\n");
      }
    } else if (q.type === "truefalse") {
      correct = value === q.answer;
      if (!correct) feedback = q.feedback || "";
    } else if (q.type === "numeric") {
      var number = value.number;
      correct = Math.abs(number - q.answer) <= q.tolerance + 1e-9 * Math.max(1, Math.abs(q.answer));
      if (!correct) {
        feedback = q.feedback || "";
        for (var m = 0; m < (q.mistakes || []).length; m++) {
          var mistake = q.mistakes[m];
          var slack = Math.max(q.tolerance, 1e-9 * Math.max(1, Math.abs(mistake.value)));
          if (Math.abs(number - mistake.value) <= slack) { feedback = mistake.feedback; break; }
        }
      }
    } else if (q.type === "order") {
      var letters = value.map(letter);
      correct = letters.join(",") === q.answer_letters.join(",");
      if (!correct) feedback = q.feedback || "";
    }
    return { correct: correct, feedback: feedback };
  }

  /* An answer as a learner types it in the terminal: what the server grades. */
  function learnerForm(q, value) {
    if (q.type === "single") return letter(value);
    if (q.type === "multiple") return value.slice().sort(byNumber).map(letter).join(",");
    if (q.type === "truefalse") return value ? "O" : "X";
    if (q.type === "numeric") return value.raw;
    return value.map(letter).join(",");
  }

  function fromLearnerForm(q, text) {
    var letters = String(text).split(",").map(function (t) { return "abcdefghijklmnopqrstuvwxyz".indexOf(t.trim()); });
    if (q.type === "single") return letters[0];
    if (q.type === "multiple" || q.type === "order") return letters;
    if (q.type === "truefalse") return text === "O";
    return { raw: String(text), number: parseNumber(text, q.unit) };
  }

  function expectedText(q) {
    if (q.type === "order") return q.answer_letters.join(" → ");
    if (q.type === "truefalse") return q.answer ? "O (참)" : "X (거짓)";
    if (q.type === "numeric") return q.expected_answer + (q.unit ? " " + q.unit : "");
    return q.expected_answer;
  }

  // ---------------------------------------------------------------------------------------
  // One question

  function Question(li, data, quiz) {
    this.li = li;
    this.q = data;
    this.quiz = quiz;
    this.key = PREFIX + data.id;
    this.section = quiz.section;
    this.rev = li.getAttribute("data-rev") || "";
    this.picked = []; // order questions: display positions in the chosen order
    this.result = li.querySelector(".learn-q-result");
    this.bind();
    this.restore();
  }

  Question.prototype.options = function () {
    return Array.prototype.slice.call(this.li.querySelectorAll(".learn-opt"));
  };

  Question.prototype.bind = function () {
    var self = this;
    var type = this.q.type;
    if (type === "single" || type === "truefalse") {
      this.options().forEach(function (button) {
        button.addEventListener("click", function () {
          if (self.li.hasAttribute("data-state")) return;
          var value = type === "single"
            ? parseInt(button.getAttribute("data-index"), 10)
            : button.getAttribute("data-value") === "true";
          self.answer(value);
        });
      });
    } else if (type === "order") {
      this.options().forEach(function (button) {
        button.addEventListener("click", function () {
          if (self.li.hasAttribute("data-state")) return;
          var position = parseInt(button.getAttribute("data-index"), 10);
          if (self.picked.indexOf(position) >= 0) return;
          self.picked.push(position);
          self.showPicked();
        });
      });
      var clear = this.li.querySelector(".learn-order-clear");
      if (clear) clear.addEventListener("click", function () {
        if (self.li.hasAttribute("data-state")) return;
        self.picked = [];
        self.showPicked();
        self.message("");
      });
    }
    var submit = this.li.querySelector(".learn-submit");
    if (submit) submit.addEventListener("click", function () { self.submit(); });
    var input = this.li.querySelector(".learn-num");
    if (input) input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); self.submit(); }
    });
  };

  Question.prototype.showPicked = function () {
    var self = this;
    var out = this.li.querySelector(".learn-order-picked");
    this.options().forEach(function (button) {
      var position = parseInt(button.getAttribute("data-index"), 10);
      var rank = self.picked.indexOf(position);
      button.classList.toggle("is-picked", rank >= 0);
      if (rank >= 0) button.setAttribute("data-rank", String(rank + 1));
      else button.removeAttribute("data-rank");
    });
    if (out) out.textContent = this.picked.length ? "선택한 순서: " + this.picked.map(letter).join(" → ") : "";
  };

  Question.prototype.submit = function () {
    if (this.li.hasAttribute("data-state")) return;
    var type = this.q.type;
    if (type === "multiple") {
      var chosen = [];
      this.li.querySelectorAll('input[type="checkbox"]').forEach(function (box) {
        if (box.checked) chosen.push(parseInt(box.getAttribute("data-index"), 10));
      });
      if (!chosen.length) return this.message("보기를 하나 이상 고른 뒤 채점하세요.");
      this.answer(chosen.sort(byNumber));
    } else if (type === "numeric") {
      var raw = this.li.querySelector(".learn-num").value;
      try {
        this.answer({ raw: raw.trim(), number: parseNumber(raw, this.q.unit) });
      } catch (error) {
        this.message(error.message);
      }
    } else if (type === "order") {
      var count = this.q.display_items.length;
      if (this.picked.length !== count) {
        return this.message("항목 " + count + "개를 모두 순서대로 누른 뒤 채점하세요.");
      }
      this.answer(this.picked.slice());
    }
  };

  Question.prototype.message = function (text) {
    this.result.innerHTML = "";
    this.result.hidden = !text;
    if (text) this.result.appendChild(el("p", "learn-invalid", text));
  };

  Question.prototype.answer = function (value) {
    var graded = grade(this.q, value);
    var self = this;
    if (this.quiz.endpoint) {
      // Recorded by the server, which grades the answer again against the bank.
      this.li.setAttribute("data-sync", "pending");
      postAnswer(this.quiz.endpoint, { question: this.q.id, answer: learnerForm(this.q, value), revision: this.rev })
        .then(function (reply) {
          self.li.setAttribute("data-sync", "saved");
          showCounts(reply.counts);
        })
        .catch(function (error) {
          self.li.setAttribute("data-sync", "failed");
          self.result.appendChild(el("p", "learn-invalid", "진행 상황 파일에 기록하지 못했습니다: " + error.message));
        });
    } else {
      storageSet(this.key, { rev: this.rev, value: value, correct: graded.correct, at: new Date().toISOString() }, this.section);
    }
    this.show(value, graded);
    this.quiz.updateScore();
  };

  /* Served mode: the answer the progress file holds for this question, if any. */
  Question.prototype.restoreFrom = function (stored) {
    if (!stored || this.li.hasAttribute("data-state")) return;
    if (stored.revision && stored.revision !== this.rev) return; // the question changed
    try {
      var value = fromLearnerForm(this.q, stored.answer);
      this.show(value, grade(this.q, value));
    } catch (e) {
      /* an answer this page cannot show: leave the question open */
    }
  };

  Question.prototype.restore = function () {
    if (this.quiz.endpoint) return; // filled in from the server's state
    var stored = storageGet(this.key, this.section);
    if (!stored) return;
    if (stored.rev !== this.rev) { storageRemove(this.key, this.section); return; } // the question changed
    try {
      this.show(stored.value, grade(this.q, stored.value));
    } catch (e) {
      storageRemove(this.key, this.section);
    }
  };

  /* The answered state: chosen/correct options marked, verdict, feedback, explanation. */
  Question.prototype.show = function (value, graded) {
    var q = this.q;
    var li = this.li;
    li.setAttribute("data-state", graded.correct ? "correct" : "wrong");
    var right = (q.type === "single" || q.type === "multiple") ? correctIndices(q) : [];
    this.options().forEach(function (option) {
      var index = parseInt(option.getAttribute("data-index"), 10);
      var chosen = false, isRight = false;
      if (q.type === "single") { chosen = index === value; isRight = right.indexOf(index) >= 0; }
      else if (q.type === "multiple") { chosen = value.indexOf(index) >= 0; isRight = right.indexOf(index) >= 0; }
      else if (q.type === "truefalse") {
        var own = option.getAttribute("data-value") === "true";
        chosen = own === value; isRight = own === q.answer;
      }
      option.classList.toggle("is-chosen", chosen);
      option.classList.toggle("is-correct", isRight);
      option.classList.toggle("is-wrong", chosen && !isRight);
      if (option.tagName === "BUTTON") option.disabled = true;
      var box = option.querySelector('input[type="checkbox"]');
      if (box) { box.checked = chosen; box.disabled = true; }
    });
    if (q.type === "numeric") {
      var input = li.querySelector(".learn-num");
      input.value = value.raw;
      input.disabled = true;
    }
    if (q.type === "order") {
      this.picked = value.slice();
      this.showPicked();
    }
    li.querySelectorAll(".learn-submit, .learn-order-clear").forEach(function (b) { b.disabled = true; });

    var box = this.result;
    box.innerHTML = "";
    box.hidden = false;
    var verdict = el("p", "learn-verdict " + (graded.correct ? "is-correct" : "is-wrong"));
    verdict.appendChild(el("strong", null, graded.correct ? "✓ 정답입니다." : "✗ 오답입니다."));
    if (!graded.correct) verdict.appendChild(document.createTextNode(" 정답: " + expectedText(q)));
    box.appendChild(verdict);
    if (!graded.correct && graded.feedback) {
      var feedback = el("div", "learn-feedback");
      graded.feedback.split("\n").forEach(function (line) { feedback.appendChild(el("p", null, line)); });
      box.appendChild(feedback);
    }
    var explanation = el("div", "learn-explanation");
    explanation.appendChild(el("strong", null, "해설 "));
    explanation.appendChild(document.createTextNode(q.explanation.trim()));
    box.appendChild(explanation);
    var self = this;
    var again = el("button", "learn-retry md-button", "다시 풀기");
    again.type = "button";
    again.addEventListener("click", function () { self.reset(); self.quiz.updateScore(); });
    box.appendChild(again);
  };

  Question.prototype.reset = function () {
    if (this.quiz.endpoint) {
      if (this.li.hasAttribute("data-state")) {
        postAnswer(this.quiz.endpoint, { question: this.q.id, answer: null }).then(function (reply) {
          showCounts(reply.counts);
        }).catch(function () { /* the next answer overwrites it anyway */ });
      }
    } else {
      storageRemove(this.key, this.section);
    }
    var li = this.li;
    li.removeAttribute("data-state");
    this.options().forEach(function (option) {
      option.classList.remove("is-chosen", "is-correct", "is-wrong", "is-picked");
      option.removeAttribute("data-rank");
      if (option.tagName === "BUTTON") option.disabled = false;
      var box = option.querySelector('input[type="checkbox"]');
      if (box) { box.checked = false; box.disabled = false; }
    });
    var input = li.querySelector(".learn-num");
    if (input) { input.value = ""; input.disabled = false; }
    li.querySelectorAll(".learn-submit, .learn-order-clear").forEach(function (b) { b.disabled = false; });
    this.picked = [];
    if (this.q.type === "order") this.showPicked();
    this.message("");
  };

  // ---------------------------------------------------------------------------------------
  // One quiz block (a section)

  function Quiz(root) {
    var data = JSON.parse(root.querySelector("script.learn-quiz-data").textContent);
    var byId = {};
    data.questions.forEach(function (q) { byId[q.id] = q; });
    this.root = root;
    this.section = data.section || root.getAttribute("data-section") || "";
    this.endpoint = endpoint();
    this.score = root.querySelector(".learn-quiz-score");
    this.resetAll = root.querySelector(".learn-quiz-reset");
    var self = this;
    this.questions = [];
    root.querySelectorAll("li.learn-q").forEach(function (li) {
      var q = byId[li.getAttribute("data-qid")];
      if (q) self.questions.push(new Question(li, q, self));
    });
    if (this.resetAll) this.resetAll.addEventListener("click", function () {
      self.questions.forEach(function (question) { question.reset(); });
      self.updateScore();
    });
    if (this.endpoint) {
      root.setAttribute("data-mode", "served");
      var note = root.querySelector(".learn-quiz-note");
      if (note) {
        note.textContent = "보기를 누르면 바로 채점되고, 답은 작업 공간의 진행 상황 파일에 기록됩니다 " +
          "(learn list와 learn quiz의 복습 순서에 함께 쓰입니다).";
      }
      serverState(this.endpoint).then(function (state) {
        if (!state) return;
        self.questions.forEach(function (question) { question.restoreFrom(state.answers[question.q.id]); });
        self.updateScore();
        showCounts(state.counts);
        root.setAttribute("data-synced", "");
      });
    }
    this.updateScore();
  }

  Quiz.prototype.updateScore = function () {
    var answered = 0, correct = 0;
    this.questions.forEach(function (question) {
      var state = question.li.getAttribute("data-state");
      if (state) answered++;
      if (state === "correct") correct++;
    });
    if (this.score) {
      this.score.textContent = answered
        ? "· 답한 " + answered + "문항 중 " + correct + "문항 정답" + (answered === this.questions.length ? " (완료)" : "")
        : "";
    }
    if (this.resetAll) this.resetAll.hidden = answered === 0;
  };

  // ---------------------------------------------------------------------------------------
  // The progress page: quizzes answered in this browser

  function fillBrowserProgress(root) {
    var data = JSON.parse(root.querySelector("script.learn-browser-progress-data").textContent);
    var rows = [], totalQuestions = 0, totalCorrect = 0, totalAnswered = 0;
    data.sections.forEach(function (section) {
      var answered = 0, correct = 0;
      section.ids.forEach(function (id) {
        var stored = storageGet(PREFIX + id, section.slug);
        if (stored) { answered++; if (stored.correct) correct++; }
      });
      totalQuestions += section.ids.length;
      totalAnswered += answered;
      totalCorrect += correct;
      if (answered) rows.push({ section: section, answered: answered, correct: correct });
    });
    if (!rows.length) return;
    var empty = root.querySelector(".learn-browser-empty");
    if (empty) empty.hidden = true;
    var bar = el("div", "learn-bar");
    bar.setAttribute("role", "progressbar");
    bar.setAttribute("aria-label", "브라우저 퀴즈 정답");
    bar.setAttribute("aria-valuemin", "0");
    bar.setAttribute("aria-valuemax", String(totalQuestions));
    bar.setAttribute("aria-valuenow", String(totalCorrect));
    var fill = el("span", "learn-bar-fill");
    fill.style.width = (totalQuestions ? (100 * totalCorrect) / totalQuestions : 0).toFixed(1) + "%";
    bar.appendChild(fill);
    root.appendChild(bar);
    var line = el("p");
    line.appendChild(el("strong", null, "전체 " + totalQuestions + "문항 중 " + totalCorrect + "문항 정답"));
    line.appendChild(document.createTextNode(" · 답한 문항 " + totalAnswered + "개"));
    root.appendChild(line);
    var wrap = el("div", "md-typeset__table");
    var table = el("table");
    var head = el("tr");
    ["절", "답한 문항", "정답"].forEach(function (title) { head.appendChild(el("th", null, title)); });
    var thead = el("thead");
    thead.appendChild(head);
    table.appendChild(thead);
    var tbody = el("tbody");
    rows.forEach(function (row) {
      var tr = el("tr");
      var name = el("td");
      if (row.section.url) {
        var link = el("a", null, row.section.title);
        link.href = row.section.url;
        name.appendChild(link);
      } else {
        name.textContent = row.section.title;
      }
      tr.appendChild(name);
      tr.appendChild(el("td", null, row.answered + " / " + row.section.ids.length));
      tr.appendChild(el("td", null, String(row.correct)));
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    wrap.appendChild(table);
    root.appendChild(wrap);
  }

  // ---------------------------------------------------------------------------------------

  function init() {
    stateRequest = null; // instant navigation: ask the server again
    document.querySelectorAll(".learn-quiz:not([data-ready])").forEach(function (root) {
      root.setAttribute("data-ready", "");
      try {
        new Quiz(root);
      } catch (error) {
        root.removeAttribute("data-ready");
        if (window.console) console.error("learn quiz:", error);
      }
    });
    document.querySelectorAll(".learn-browser-progress:not([data-ready])").forEach(function (root) {
      root.setAttribute("data-ready", "");
      fillBrowserProgress(root);
    });
  }

  // Material for MkDocs emits on document$ for the first page and after every instant navigation.
  if (typeof window.document$ !== "undefined" && window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { init(); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }

  window.learnQuiz = { init: init, grade: grade, parseNumber: parseNumber, learnerForm: learnerForm };
})();
