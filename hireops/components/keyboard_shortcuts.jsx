// Keyboard shortcuts on every recruiter page: "/" focuses the page's search (or opens the
// Candidates page's), "j" and "k" move through the tracker's rows, "?" lists the shortcuts.
// Keys typed into a field, or with Ctrl, Alt or Cmd, are left alone.
import { useEffect, useState } from "react";
import { Dialog, Flex, Kbd, Text, Button } from "@radix-ui/themes";

const SEARCH = "[data-shortcut='search'], #tracker-search";
const ROWS = "[data-shortcut='row'], #applications-table tbody tr";
const SEARCH_HASH = "#search";

function typing(target) {
  if (!target || !target.closest) return false;
  return Boolean(target.closest("input, textarea, select, [contenteditable=''], " +
                                "[contenteditable='true'], [role='dialog'], [role='listbox'], " +
                                "[role='menu']"));
}

function focusSearch() {
  const field = document.querySelector(SEARCH);
  const input = field && (field.matches("input") ? field : field.querySelector("input"));
  if (input) {
    input.focus();
    input.select();
    return true;
  }
  return false;
}

function moveRow(step) {
  const rows = Array.from(document.querySelectorAll(ROWS))
    .filter((row) => row.querySelector("a[href]"));
  if (!rows.length) return;
  const current = rows.findIndex((row) => row.contains(document.activeElement));
  const next = current < 0 ? (step > 0 ? 0 : rows.length - 1)
    : Math.min(rows.length - 1, Math.max(0, current + step));
  rows.forEach((row) => row.removeAttribute("data-shortcut-active"));
  rows[next].setAttribute("data-shortcut-active", "true");
  // The row's link takes the focus: Enter opens the candidate, Tab goes on from there.
  const link = rows[next].querySelector("a[href]");
  link.focus();
  link.scrollIntoView({ block: "nearest" });
}

const LIST = [
  ["/", "Search (the Candidates page when this page has no search)"],
  ["j", "Next candidate in the list"],
  ["k", "Previous candidate in the list"],
  ["Enter", "Open the candidate in focus"],
  ["?", "Show this list"],
  ["Esc", "Close it"],
];

export function KeyboardShortcuts({ searchPage }) {
  const [open, setOpen] = useState(false);

  useEffect(() => {
    // Arriving from "/" on a page without a search box.
    if (window.location.hash === SEARCH_HASH) {
      const timer = setInterval(() => {
        if (focusSearch()) {
          clearInterval(timer);
          history.replaceState(null, "", window.location.pathname + window.location.search);
        }
      }, 100);
      setTimeout(() => clearInterval(timer), 10000);
      return () => clearInterval(timer);
    }
  }, []);

  useEffect(() => {
    const onKey = (event) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (typing(event.target)) return;
      if (event.key === "?") {
        event.preventDefault();
        setOpen((shown) => !shown);
      } else if (event.key === "/") {
        event.preventDefault();
        if (!focusSearch() && searchPage) window.location.assign(searchPage + SEARCH_HASH);
      } else if (event.key === "j" || event.key === "k") {
        moveRow(event.key === "j" ? 1 : -1);
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [searchPage]);

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Content maxWidth="420px" id="shortcuts-dialog">
        <Dialog.Title>Keyboard shortcuts</Dialog.Title>
        <Dialog.Description size="2" color="gray" mb="3">
          They work anywhere except while you type in a field.
        </Dialog.Description>
        <Flex direction="column" gap="2">
          {LIST.map(([key, what]) => (
            <Flex key={key} gap="3" align="center">
              <Kbd size="3" style={{ minWidth: "4.5em", justifyContent: "center" }}>{key}</Kbd>
              <Text size="2">{what}</Text>
            </Flex>
          ))}
        </Flex>
        <Flex justify="end" mt="4">
          <Dialog.Close><Button variant="soft" color="gray">Close</Button></Dialog.Close>
        </Flex>
      </Dialog.Content>
    </Dialog.Root>
  );
}
