import type { Paint } from "../core/query/index.js";
import type { CommandIO } from "./io.js";

/** Maps cell tones to the injected palette: amber shows as yellow, the nearest terminal colour. */
export function paintWith(io: CommandIO): Paint {
  return (tone, text) => {
    switch (tone) {
      case "red":
        return io.palette.red(text);
      case "amber":
        return io.palette.yellow(text);
      case "green":
        return io.palette.green(text);
      case "dim":
        return io.palette.dim(text);
    }
  };
}
