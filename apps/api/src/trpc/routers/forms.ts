import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { formKindSchema } from "../../abuse/form-tokens.js";
import { formToken } from "../../abuse/public-forms.js";
import { publicProcedure } from "../trpc.js";

export const formsRouter = {
  /**
   * A signed token for a public form the site is about to show, holding the time it was shown;
   * the form sends it back and its submission is refused without one (decision 009).
   */
  token: publicProcedure
    .input(z.object({ form: formKindSchema }))
    .query(({ ctx, input }) => formToken(ctx, input.form)),
} satisfies TRPCRouterRecord;
