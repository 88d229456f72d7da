/**
 * The interview times an applicant may book or move to, with JavaScript off: one radio per slot, its time in the
 * applicant's zone (and in Japan time when that differs), online or its place. Used by the selection's interview page
 * and the hosts' interviews in matching.
 */
import { Form } from "react-router";
import { PROGRAM_TIME_ZONE } from "#src/domain/time.ts";
import { formatInstant, useI18n } from "../lib/i18n.tsx";

export interface PickableSlot {
  id: string;
  startsAt: Date | string;
  online: boolean;
  place: string | null;
}

export function InterviewSlotPicker({ slots, moving, zone }: { slots: readonly PickableSlot[]; moving: boolean; zone: string }) {
  const { t, locale } = useI18n();
  return (
    <Form method="post">
      <fieldset>
        <legend>{moving ? t("interviews.moveLegend") : t("interviews.bookLegend")}</legend>
        {slots.map((slot) => (
          <div key={slot.id} className="choice">
            <input type="radio" name="slotId" value={slot.id} id={`slot-${slot.id}`} required />
            <label htmlFor={`slot-${slot.id}`}>
              {`${formatInstant(slot.startsAt, locale, zone)} (${zone})`}
              {zone !== PROGRAM_TIME_ZONE ? ` · ${t("interviews.japanTime", { time: formatInstant(slot.startsAt, locale, PROGRAM_TIME_ZONE) })}` : ""}
              {" · "}
              {slot.online ? t("interviews.online") : (slot.place ?? "")}
            </label>
          </div>
        ))}
      </fieldset>
      <button type="submit">{moving ? t("interviews.moveButton") : t("interviews.bookButton")}</button>
    </Form>
  );
}
