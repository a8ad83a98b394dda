// "Who reports what": show only the claims one outlet reports. Each row lists, in data-outlets, the
// columns (outlets) with a mark; the select names a column. Without this script the whole table shows.
document.addEventListener("DOMContentLoaded", () => {
  for (const box of document.querySelectorAll(".matrix-filter")) {
    const select = box.querySelector("select");
    const table = document.getElementById(select.getAttribute("aria-controls"));
    const shown = box.querySelector(".matrix-shown");
    const rows = [...table.tBodies[0].rows];
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
    };
    select.addEventListener("change", apply);
    box.hidden = false;
    apply();
  }
});
