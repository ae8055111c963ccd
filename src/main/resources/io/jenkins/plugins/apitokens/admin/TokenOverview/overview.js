/* The token overview: "select all", and a confirmation before any bulk revocation. */
Behaviour.specify(".atm-bulk", "api-token-overview", 0, function (form) {
  var selectAll = form.querySelector(".atm-select-all");
  selectAll.addEventListener("change", function () {
    form.querySelectorAll("input[name=token]").forEach(function (box) {
      box.checked = selectAll.checked;
    });
  });
  form.querySelectorAll("button[type=submit]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      event.preventDefault();
      var all = button.value === "true";
      dialog
        .confirm(form.dataset.confirmTitle, {
          message: all ? form.dataset.confirmAll : form.dataset.confirmSelected,
          okText: form.dataset.ok,
          type: "destructive",
        })
        .then(function () {
          var flag = document.createElement("input");
          flag.type = "hidden";
          flag.name = "all";
          flag.value = String(all);
          form.appendChild(flag);
          crumb.appendToForm(form);
          form.submit();
        }, function () {});
    });
  });
});

/* Revoke every legacy token through core's own endpoint, which is where core keeps them. */
Behaviour.specify(".atm-revoke-legacy", "api-token-overview-legacy", 0, function (button) {
  button.addEventListener("click", function () {
    var values = Array.from(document.querySelectorAll(".atm-legacy-token")).map(function (input) {
      return { userId: input.dataset.user, uuid: input.dataset.uuid };
    });
    dialog
      .confirm(button.dataset.confirmTitle, {
        message: button.dataset.confirm,
        okText: button.dataset.ok,
        type: "destructive",
      })
      .then(function () {
        fetch(button.dataset.url, {
          method: "post",
          body: JSON.stringify({ values: values }),
          headers: crumb.wrap({ "Content-Type": "application/json" }),
        }).then(function (rsp) {
          if (rsp.ok) {
            window.location.search = "?revoked=" + values.length;
          } else {
            dialog.alert(rsp.status + " " + rsp.statusText, { type: "destructive" });
          }
        });
      }, function () {});
  });
});

/* Core's own tokens: revoked one by one through core's endpoint for their user. */
Behaviour.specify(".atm-core-revoke", "api-token-overview-core", 0, function (button) {
  var row = button.closest("tr");
  var table = button.closest("table");
  button.addEventListener("click", function () {
    dialog
      .confirm(table.dataset.confirmTitle, {
        message: table.dataset.confirm,
        okText: table.dataset.ok,
        type: "destructive",
      })
      .then(function () {
        fetch(row.dataset.revokeUrl, {
          method: "post",
          body: new URLSearchParams({ tokenUuid: row.dataset.uuid }),
          headers: crumb.wrap({ "Content-Type": "application/x-www-form-urlencoded" }),
        }).then(function (rsp) {
          if (rsp.ok) {
            row.remove();
          } else {
            dialog.alert(rsp.status + " " + rsp.statusText, { type: "destructive" });
          }
        });
      }, function () {});
  });
});
