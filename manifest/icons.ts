// Generates the Teams app icons (manifest/color.png 192×192, manifest/outline.png 32×32)
// with Node built-ins only: a tiny RGBA PNG encoder over zlib, and a matching decoder
// used by the packager and tests to check the outline icon's transparency.
//
//   npx tsx manifest/icons.ts
//
// Design: a golden thread weaving through four beads (the audit points that link
// practice, audit, moderation and learning). The colour icon draws it on navy; the
// outline icon is the same motif in white on a transparent background, as Teams requires.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { crc32, deflateSync, inflateSync } from "node:zlib";

export const NAVY = [0x1b, 0x2b, 0x4b] as const; // also the manifest's accentColor #1B2B4B
export const GOLD = [0xf0, 0xb4, 0x29] as const;
const WHITE = [0xff, 0xff, 0xff] as const;

type Rgb = readonly [number, number, number];

export interface Image {
  width: number;
  height: number;
  /** Straight (non-premultiplied) RGBA, 8 bits per channel, row by row. */
  rgba: Uint8Array;
}

// ---------------------------------------------------------------- PNG encode/decode

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes an 8-bit RGBA image (colour type 6, no interlace, filter 0 on every row). */
export function encodePng({ width, height, rgba }: Image): Buffer {
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // bit depth 8, RGBA, deflate, filter method 0, no interlace
  return Buffer.concat([
    SIGNATURE,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  interlace: number;
}

export function readPngHeader(png: Uint8Array): PngHeader {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (buf.length < 33 || !buf.subarray(0, 8).equals(SIGNATURE) || buf.toString("ascii", 12, 16) !== "IHDR") {
    throw new Error("not a PNG file");
  }
  return {
    width: buf.readUInt32BE(16),
    height: buf.readUInt32BE(20),
    bitDepth: buf[24] ?? 0,
    colourType: buf[25] ?? 0,
    interlace: buf[28] ?? 0,
  };
}

/** Decodes an 8-bit, non-interlaced RGBA PNG (the only kind Teams' outline icon rule allows us to check simply). */
export function decodePng(png: Uint8Array): Image {
  const header = readPngHeader(png);
  const { width, height } = header;
  if (header.bitDepth !== 8 || header.colourType !== 6 || header.interlace !== 0) {
    throw new Error(
      `expected an 8-bit RGBA PNG without interlacing, found bit depth ${header.bitDepth}, colour type ${header.colourType}, interlace ${header.interlace}`,
    );
  }
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  const idat: Buffer[] = [];
  for (let offset = 8; offset + 12 <= buf.length; ) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString("ascii", offset + 4, offset + 8);
    if (type === "IDAT") idat.push(buf.subarray(offset + 8, offset + 8 + length));
    if (type === "IEND") break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const bpp = 4;
  const stride = width * bpp;
  if (raw.length < (stride + 1) * height) throw new Error("PNG image data is truncated");
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const value = raw[src + x] ?? 0;
      const a = x >= bpp ? (out[row + x - bpp] ?? 0) : 0; // left
      const b = y > 0 ? (out[row - stride + x] ?? 0) : 0; // up
      const c = x >= bpp && y > 0 ? (out[row - stride + x - bpp] ?? 0) : 0; // up-left
      let predictor: number;
      switch (filter) {
        case 0: predictor = 0; break;
        case 1: predictor = a; break;
        case 2: predictor = b; break;
        case 3: predictor = (a + b) >> 1; break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default: throw new Error(`unknown PNG filter type ${filter} on row ${y}`);
      }
      out[row + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, rgba: out };
}

// ---------------------------------------------------------------- drawing

/** Points along the golden thread, in units of the icon's size (0..1), sampled densely. */
function threadPoints(size: number): Array<[number, number]> {
  const x0 = 0.12, x1 = 0.88, amplitude = 0.16, periods = 1.5;
  const points: Array<[number, number]> = [];
  const steps = Math.ceil((x1 - x0) * size * 4); // a point every quarter pixel
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    points.push([(x0 + (x1 - x0) * t) * size, (0.5 - amplitude * Math.sin(2 * Math.PI * periods * t)) * size]);
  }
  return points;
}

/** Bead centres: where the thread crosses the middle line (both ends included). */
function beadCentres(size: number): Array<[number, number]> {
  return [0.12, 0.12 + 0.76 / 3, 0.12 + (2 * 0.76) / 3, 0.88].map((x) => [x * size, 0.5 * size]);
}

interface Style {
  size: number;
  background: Rgb | null; // null: transparent
  ink: Rgb;
  threadHalfWidth: number; // pixels
  beadRadius: number; // pixels
  holeRadius: number; // pixels; 0 for solid beads
}

function render(style: Style): Image {
  const { size } = style;
  const rgba = new Uint8Array(size * size * 4);
  const thread = threadPoints(size);
  const beads = beadCentres(size);
  const coverage = (distanceInside: number) => Math.min(1, Math.max(0, distanceInside + 0.5));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const px = x + 0.5, py = y + 0.5;
      let nearest = Infinity;
      for (const [tx, ty] of thread) {
        if (Math.abs(tx - px) < style.threadHalfWidth + 2) nearest = Math.min(nearest, Math.hypot(tx - px, ty - py));
      }
      const nearestBead = Math.min(...beads.map(([bx, by]) => Math.hypot(bx - px, by - py)));
      const ink = Math.max(coverage(style.threadHalfWidth - nearest), coverage(style.beadRadius - nearestBead));
      const hole = style.holeRadius > 0 ? coverage(style.holeRadius - nearestBead) : 0;
      const i = (y * size + x) * 4;
      if (style.background) {
        // Opaque: gold over navy, then a navy "eye" punched through each bead.
        const alpha = ink * (1 - hole);
        for (let ch = 0; ch < 3; ch++) {
          rgba[i + ch] = Math.round(style.ink[ch]! * alpha + style.background[ch]! * (1 - alpha));
        }
        rgba[i + 3] = 255;
      } else {
        // Transparent background: white everywhere, coverage carried by alpha only.
        rgba.set(style.ink, i);
        rgba[i + 3] = Math.round(255 * ink * (1 - hole));
      }
    }
  }
  return { width: size, height: size, rgba };
}

export function colorIcon(): Image {
  return render({ size: 192, background: NAVY, ink: GOLD, threadHalfWidth: 5.5, beadRadius: 13, holeRadius: 5 });
}

export function outlineIcon(): Image {
  return render({ size: 32, background: null, ink: WHITE, threadHalfWidth: 1.25, beadRadius: 2.75, holeRadius: 0 });
}

export function writeIcons(dir = path.dirname(fileURLToPath(import.meta.url))): string[] {
  const files = [
    [path.join(dir, "color.png"), encodePng(colorIcon())],
    [path.join(dir, "outline.png"), encodePng(outlineIcon())],
  ] as const;
  for (const [file, png] of files) writeFileSync(file, png);
  return files.map(([file]) => file);
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  for (const file of writeIcons()) console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
