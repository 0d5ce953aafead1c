import type { FunctionComponent, ReactNode, SVGProps } from "react";

export type IconData = {
  name?: string;
  aliases?: string[];
  node: [tag: string, attributes: Record<string, string | number>][];
};

export type IconProps = Omit<SVGProps<SVGSVGElement>, "ref"> & {
  size?: number | string;
  absoluteStrokeWidth?: boolean;
  children?: ReactNode;
};

export default function createLucideIcon(icon: IconData): FunctionComponent<IconProps>;
