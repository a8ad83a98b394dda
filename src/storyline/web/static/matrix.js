// "Who reports what": show only the claims one outlet reports. Each row lists, in data-outlets, the
// columns (outlets) with a mark; the select names a column. Without this script the whole table shows.
//
// The table is also one stop for the Tab key, however many links its cells hold (a claim and a dot per
// outlet: over a hundred in a story of eight outlets): one link at a time can be tabbed to, and the
// arrow keys move between them, Home and End to a row's first and last. Without this script every
// link is a stop of its own.
document.addEventListener("DOMContentLoaded", () => {
  for (const box of document.querySelectorAll(".matrix-filter")) {
    const select = box.querySelector("select");
    const table = document.getElementById(select.getAttribute("aria-controls"));
    const shown = box.querySelector(".matrix-shown");
    const rows = [...table.tBodies[0].rows];
    const roving = rovingFocus(table, rows);
    const apply = () => {
      const column = select.value;
      let count = 0;
      for (const row of rows) {
        row.hidden = column !== "" && !row.dataset.outlets.split(" ").includes(column);
        if (!row.hidden) count += 1;
      }
      for (const cell of table.querySelectorAll("[data-column]")) {
        cell.classList.toggle("chosen", cell.dataset.column === column);
      }
      shown.textContent = column === "" ? "" : `${count} of ${rows.length} claims`;
      roving.reset();
    };
    select.addEventListener("change", apply);
    box.hidden = false;
    for (const hint of document.querySelectorAll(".matrix-keys")) hint.hidden = false;
    apply();
  }
});

function rovingFocus(table, rows) {
  const linkIn = (cell) => cell && cell.querySelector("a[href]");
  const visible = () => rows.filter((row) => !row.hidden);
  let current = null;
  const make = (link) => {
    if (!link) return;
    if (current) current.tabIndex = -1;
    current = link;
    current.tabIndex = 0;
  };
  for (const link of table.tBodies[0].querySelectorAll("a[href]")) link.tabIndex = -1;
  table.addEventListener("focusin", (event) => {
    if (event.target.matches("tbody a[href]")) make(event.target);
  });
  table.addEventListener("keydown", (event) => {
    const link = event.target.closest("tbody a[href]");
    if (!link) return;
    const cell = link.closest("th, td");
    const row = cell.parentElement;
    const cells = [...row.cells];
    const at = cells.indexOf(cell);
    const shownRows = visible();
    let next = null;
    if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
      const step = event.key === "ArrowRight" ? 1 : -1;
      for (let i = at + step; i >= 0 && i < cells.length && !next; i += step) next = linkIn(cells[i]);
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const step = event.key === "ArrowDown" ? 1 : -1;
      for (let r = shownRows.indexOf(row) + step; r >= 0 && r < shownRows.length && !next; r += step) {
        next = linkIn(shownRows[r].cells[at]);
      }
    } else if (event.key === "Home" || event.key === "End") {
      const links = [...row.querySelectorAll("a[href]")];
      next = event.key === "Home" ? links[0] : links[links.length - 1];
    } else {
      return;
    }
    event.preventDefault();
    if (next) {
      make(next);
      next.focus();
    }
  });
  return {
    reset() {
      if (current && !current.closest("tr").hidden) return;
      const first = visible()[0];
      make(first && first.querySelector("a[href]"));
    },
  };
}
