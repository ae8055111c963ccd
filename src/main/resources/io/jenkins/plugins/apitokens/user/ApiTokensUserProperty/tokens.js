/*
 * The user's API token table: add, rename, rotate, revoke through the plugin's REST action. Wired by data-
 * attributes (no inline script, for Jenkins' Content-Security-Policy). A new value is shown once in a dialog and
 * the page reloads afterwards, so it is never part of the page again.
 */
(function () {
  function post(root, action, params) {
    return fetch(root.dataset.tokensUrl + "/" + action, {
      method: "post",
      body: new URLSearchParams(params),
      headers: crumb.wrap({ "Content-Type": "application/x-www-form-urlencoded" }),
    }).then(function (rsp) {
      return rsp
        .json()
        .catch(function () {
          return { message: rsp.status + " " + rsp.statusText };
        })
        .then(function (body) {
          if (!rsp.ok) {
            throw new Error(body.message || rsp.statusText);
          }
          return body;
        });
    });
  }

  /* Refusals (a duplicate name, the policy) are shown under the table, where the add form shows its own. */
  function showError(root, error) {
    var message = root.querySelector(".atm-error");
    message.textContent = error.message;
    message.scrollIntoView({ block: "nearest" });
  }

  function clearError(root) {
    root.querySelector(".atm-error").textContent = "";
  }

  /*
   * Shows a new value once, then reloads the page when the dialog closes, so the table shows the new row and the
   * value is never part of the page. Core's dialog.alert returns nothing on some lines (2.516) and a promise on
   * none that this relies on, so the close is seen by the dialog element leaving the page, which every line does.
   */
  function showValue(root, title, value, credentialId) {
    var content = root
      .querySelector(".atm-value-template")
      .content.firstElementChild.cloneNode(true);
    content.querySelector(".atm-value-text").textContent = value;
    if (credentialId) {
      content.querySelector(".atm-value-credential-id").textContent = credentialId;
      content.querySelector(".atm-value-credential").classList.remove("jenkins-hidden");
    }
    content.querySelector(".jenkins-copy-button").setAttribute("text", value);
    dialog.alert(title, { content: content, okText: root.dataset.done, maxWidth: "560px" });
    var shown = content.closest("dialog");
    if (!shown) {
      window.location.reload();
      return;
    }
    // Behaviours (the copy button) apply once the content is in the page.
    Behaviour.applySubtree(shown, true);
    new MutationObserver(function (changes, observer) {
      if (!shown.isConnected) {
        observer.disconnect();
        window.location.reload();
      }
    }).observe(document.body, { childList: true });
  }

  function add(root) {
    var name = root.querySelector(".atm-new-name");
    var credential = root.querySelector(".atm-new-credential");
    var folder = root.querySelector(".atm-credential-folder");
    clearError(root);
    post(root, "create", {
      name: name.value,
      expiry: root.querySelector(".atm-new-expiry").value,
      scope: root.querySelector(".atm-new-scope").value,
      items: root.querySelector(".atm-new-items").value,
      saveAsCredential: credential !== null && credential.checked,
      credentialFolder: folder !== null ? folder.value : "",
    }).then(
      function (body) {
        name.value = "";
        root.querySelector(".atm-new-items").value = "";
        showValue(root, body.token.name, body.value, body.credentialId);
      },
      showError.bind(null, root),
    );
  }

  function rename(root, row) {
    dialog
      .prompt(root.dataset.renameTitle, {
        message: root.dataset.renameLabel,
        promptValue: row.dataset.tokenName,
        okText: root.dataset.renameOk,
        minWidth: "400px",
      })
      .then(function (newName) {
        clearError(root);
        post(root, "rename", { id: row.dataset.tokenId, name: newName }).then(function (body) {
          row.dataset.tokenName = body.name;
          row.querySelector(".atm-name").textContent = body.name;
        }, showError.bind(null, root));
      }, function () {});
  }

  /*
   * Where the policy allows a grace period, the dialog asks how long the old value keeps working (core's
   * dialog.form, on every supported line); otherwise it only asks for confirmation.
   */
  function askRotation(root) {
    var template = root.querySelector(".atm-rotate-template");
    if (!template) {
      return dialog
        .confirm(root.dataset.rotateTitle, {
          message: root.dataset.rotateMessage,
          okText: root.dataset.rotateOk,
        })
        .then(function () {
          return "none";
        });
    }
    var form = template.content.firstElementChild.cloneNode(true);
    return dialog
      // submitButton false: the dialog resolves with the form's data instead of submitting it (2.516 and 2.568 alike).
      .form(form, { title: root.dataset.rotateTitle, okText: root.dataset.rotateOk, submitButton: false, minWidth: "400px" })
      .then(function (data) {
        return data.get("grace");
      });
  }

  function rotate(root, row) {
    askRotation(root).then(function (grace) {
      clearError(root);
      post(root, "rotate", { id: row.dataset.tokenId, grace: grace }).then(function (body) {
        showValue(root, body.token.name, body.value);
      }, showError.bind(null, root));
    }, function () {});
  }

  function revoke(root, row) {
    dialog
      .confirm(root.dataset.revokeTitle, {
        message: root.dataset.revokeMessage + " (" + row.dataset.tokenName + ")",
        okText: root.dataset.revokeOk,
        type: "destructive",
      })
      .then(function () {
        clearError(root);
        // Core's tokens too: the plugin's endpoint revokes them through core.
        post(root, "revoke", { id: row.dataset.tokenId }).then(function () {
          var table = row.closest("table");
          row.remove();
          if (!table.querySelector(".atm-row")) {
            table.classList.add("jenkins-hidden");
            root.querySelector(".atm-empty").classList.remove("jenkins-hidden");
          }
        }, showError.bind(null, root));
      }, function () {});
  }

  /* Points the explanation's link at core's own section of the page, found by its title. */
  function linkCoreSection(root) {
    var link = root.querySelector(".atm-core-link");
    if (!link) {
      return;
    }
    var title = Array.prototype.find.call(document.querySelectorAll(".jenkins-section__title"), function (heading) {
      return heading.innerText.trim() === root.dataset.coreTitle;
    });
    if (!title) {
      link.remove();
      return;
    }
    link.addEventListener("click", function (event) {
      event.preventDefault();
      title.scrollIntoView({ block: "start" });
    });
  }

  /*
   * Core's own section, further down, where the policy governs it: when no core token could meet the policy, its
   * "Add new token" buttons give way to the reason (the server refuses such a request anyway, and core's page would
   * fail silently); otherwise its expiry choices that the policy refuses are taken off core's form (2.548 and later).
   */
  function holdCoreSection(root) {
    var refusal = root.dataset.coreRefusal;
    if (refusal) {
      document.querySelectorAll("button.api-token-property-add").forEach(function (button) {
        var reason = document.createElement("div");
        reason.className = "jenkins-alert jenkins-alert-warning atm-core-refusal";
        reason.textContent = refusal;
        button.replaceWith(reason);
      });
      return;
    }
    var maxDays = parseInt(root.dataset.coreMaxDays || "0", 10);
    var expiryRequired = root.dataset.coreExpiryRequired === "true";
    document.querySelectorAll('#api-token-add-template select[name="expirationDuration"]').forEach(function (select) {
      var options = Array.prototype.slice.call(select.options);
      var fixedWithin = options.some(function (option) {
        var days = parseInt(option.value, 10);
        return !isNaN(days) && (maxDays === 0 || days <= maxDays);
      });
      options.forEach(function (option) {
        var days = parseInt(option.value, 10);
        var tooLong = maxDays > 0 && !isNaN(days) && days > maxDays;
        // A custom date can go beyond the maximum: offered only when no fixed choice is short enough.
        var custom = maxDays > 0 && option.value === "custom" && fixedWithin;
        if (tooLong || custom || (expiryRequired && option.value === "never")) {
          option.remove();
        }
      });
      if (select.selectedIndex < 0 && select.options.length > 0) {
        select.options[select.options.length - 1].selected = true;
      }
    });
  }

  /* The owner's choice to hear of uses from new addresses: saved as soon as it is ticked. */
  function watchPlaceNotices(root) {
    var choice = root.querySelector(".atm-place-notices");
    if (!choice) {
      return;
    }
    choice.addEventListener("change", function () {
      clearError(root);
      post(root, "placeNotices", { wanted: choice.checked }).catch(function (error) {
        choice.checked = !choice.checked;
        showError(root, error);
      });
    });
  }

  Behaviour.specify(".atm", "api-token-manager", 0, function (root) {
    linkCoreSection(root);
    holdCoreSection(root);
    watchPlaceNotices(root);
    var addButton = root.querySelector(".atm-add-button");
    if (addButton) {
      addButton.addEventListener("click", function () {
        add(root);
      });
      root.querySelector(".atm-new-name").addEventListener("keydown", function (event) {
        // Enter would otherwise submit the whole Security page.
        if (event.key === "Enter") {
          event.preventDefault();
          add(root);
        }
      });
    }
    root.querySelectorAll(".atm-row").forEach(function (row) {
      var renameButton = row.querySelector(".atm-rename");
      if (renameButton) {
        renameButton.addEventListener("click", function () {
          rename(root, row);
        });
      }
      var rotateButton = row.querySelector(".atm-rotate");
      if (rotateButton) {
        rotateButton.addEventListener("click", function () {
          rotate(root, row);
        });
      }
      row.querySelector(".atm-revoke").addEventListener("click", function () {
        revoke(root, row);
      });
    });
  });
})();
