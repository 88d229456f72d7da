import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [reactRouter()],
  resolve: { tsconfigPaths: true },
  ssr: {
    // Server-only packages stay in node_modules, loaded at run time.
    external: ["@electric-sql/pglite", "pg", "better-auth", "nodemailer", "kysely", "i18next", "i18next-icu", "qrcode", "sharp"],
  },
});
