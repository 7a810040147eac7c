// Drag and drop for the pipeline board, on @dnd-kit/core: a context around the board, a drop
// zone per column and a draggable card. The browser only reports "card X dropped on column Y";
// the server checks the move, asks for a reason where one is needed, records it and sends the
// board back, so a refused move simply leaves the card where it was.
import { useEffect, useRef } from "react";
import {
  DndContext, MouseSensor, TouchSensor, pointerWithin, useDraggable, useDroppable, useSensor,
  useSensors,
} from "@dnd-kit/core";

export function DragBoard({ onMove, children, id, className, style }) {
  const sensors = useSensors(
    // A click (the card's link, its "Move to" menu) is not a drag: 6 px of movement first.
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    // On a touch screen a short press-and-hold drags, so a swipe still scrolls the board.
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
  );
  const handleDragEnd = ({ active, over }) => {
    const from = active && active.data.current;
    if (!from || !over || over.id === from.stage || !onMove) return;
    onMove({ application_id: from.applicationId, stage: String(over.id) });
  };
  return (
    // The column under the pointer takes the card (not the one the tall card overlaps most);
    // released between columns, nothing moves.
    <DndContext sensors={sensors} collisionDetection={pointerWithin} onDragEnd={handleDragEnd}>
      <div id={id} className={className} style={style}>{children}</div>
    </DndContext>
  );
}

export function DropColumn({ stage, children, id, className, style }) {
  const { isOver, setNodeRef } = useDroppable({ id: stage });
  return (
    <div ref={setNodeRef} id={id} data-stage={stage} data-over={isOver ? "true" : "false"}
         className={className} style={style}>
      {children}
    </div>
  );
}

export function DragCard({ applicationId, stage, children, id, className, style }) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: `application-${applicationId}`,
    data: { applicationId, stage },
  });
  // The pointer is released over the card it carried: the click that follows must not open
  // the candidate's link as if the name had been clicked. (Nor may the browser start its own
  // drag of that link: onDragStartCapture below.)
  const justDragged = useRef(false);
  useEffect(() => {
    if (isDragging) {
      justDragged.current = true;
      return undefined;
    }
    const timer = setTimeout(() => { justDragged.current = false; }, 150);
    return () => clearTimeout(timer);
  }, [isDragging]);
  const swallowClick = (event) => {
    if (justDragged.current) {
      event.preventDefault();
      event.stopPropagation();
    }
  };
  const moved = transform
    ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)`, zIndex: 50,
        position: "relative" }
    : {};
  // The keyboard path is the card's "Move to" menu: the card itself is not a keyboard
  // drag source, so it keeps no tab stop or button role of its own.
  const { tabIndex, role, ...described } = attributes;
  return (
    <div ref={setNodeRef} id={id} className={className} data-application={applicationId}
         data-dragging={isDragging ? "true" : "false"}
         style={{ ...style, ...moved, touchAction: "manipulation" }}
         onClickCapture={swallowClick}
         onDragStartCapture={(event) => event.preventDefault()}
         {...described} {...listeners}>
      {children}
    </div>
  );
}
