/** The terminal's size, following resizes (Ink 6 has no hook for it). */
import { useStdout } from "ink";
import { useEffect, useState } from "react";

function read(stdout: NodeJS.WriteStream): { columns: number; rows: number } {
  return { columns: stdout.columns || 80, rows: stdout.rows || 24 };
}

export function useTerminalSize(): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => read(stdout));
  // Subscribed once per stream, not on every render (each frame would add and remove a listener).
  useEffect(() => {
    const onResize = () => setSize(read(stdout));
    stdout.on("resize", onResize);
    return () => {
      stdout.off("resize", onResize);
    };
  }, [stdout]);
  return size;
}
