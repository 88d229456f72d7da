/** The host placement page's supervisor-training and final-presentation sections (ADR 0038). */
import type { getHostPlacementExtras } from "#src/services/internship/get-host-placement-extras.ts";
import { PresentationSlidesStatus } from "../../../components/presentation-slides-status.tsx";
import { useI18n } from "../../../lib/i18n.tsx";
import { tokyoWhen } from "../../../lib/training-format.ts";

type Extras = Awaited<ReturnType<typeof getHostPlacementExtras>>;

export function HostPlacementExtras({ placementId, extras }: { placementId: string; extras: Extras }) {
  const { t, locale } = useI18n();
  const { training, presentation } = extras;
  const issueText = (i: Extras["training"]["issues"][number]) =>
    i.code === "modules_missing"
      ? t("hostTraining.operator.issues.modules_missing", { modules: i.modules.map((m) => t(`hostTraining.modules.${m}.title`)).join(", ") })
      : t(`hostTraining.operator.issues.${i.code}`);
  return (
    <>
      <section aria-labelledby="supervisor-training-title">
        <h2 id="supervisor-training-title">{t("hostTraining.hostPlacement.trainingTitle")}</h2>
        {training.block !== "none" ? (
          <div className="refusal" role="alert" data-testid="training-block">
            <p>
              <strong>{training.block === "blocked" ? t("hostTraining.hostPlacement.blocked") : t("hostTraining.hostPlacement.startedUntrained")}</strong>
            </p>
          </div>
        ) : null}
        {training.issues.length === 0 ? (
          <p>{t("hostTraining.hostPlacement.trainingDone")}</p>
        ) : (
          <>
            <p>{t("hostTraining.hostPlacement.missingLead")}</p>
            <ul>
              {training.issues.map((i) => (
                <li key={i.code}>{issueText(i)}</li>
              ))}
            </ul>
          </>
        )}
        <p>
          <a href={`/${locale}/host/training`}>{t("hostTraining.hostPlacement.trainingLink")}</a>
        </p>
      </section>
      <section aria-labelledby="presentation-title">
        <h2 id="presentation-title">{t("hostTraining.hostPlacement.presentationTitle")}</h2>
        {presentation.startsAt ? (
          <p data-testid="host-presentation">
            {tokyoWhen(presentation.startsAt, locale)} · {presentation.place ?? ""}
            {presentation.place && presentation.onlineUrl ? " · " : ""}
            {presentation.onlineUrl ? <a href={presentation.onlineUrl}>{presentation.onlineUrl}</a> : null}
          </p>
        ) : (
          <p>{t("hostTraining.hostPlacement.presentationNone")}</p>
        )}
        {presentation.slides ? (
          <p>
            <PresentationSlidesStatus placementId={placementId} slides={presentation.slides} />
          </p>
        ) : (
          <p>{t("hostTraining.hostPlacement.slidesNone")}</p>
        )}
      </section>
    </>
  );
}
