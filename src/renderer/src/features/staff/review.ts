import type { ReviewItem } from '@shared/contract'

type Translate = (key: string, named?: Record<string, unknown>) => string

/** An item's title in the staff screen's language, else in English, else its id. */
export function reviewTitle(item: Pick<ReviewItem, 'titles' | 'id'>, locale: string): string {
  return item.titles[locale] ?? item.titles.en ?? item.id
}

/** Where an item's review stands, in words: who signed it and when, or that it waits. */
export function reviewStateText(
  item: Pick<ReviewItem, 'state' | 'signoff'>,
  t: Translate,
  date: (iso: string) => string,
): string {
  const s = item.signoff
  if (item.state === 'signed' && s)
    return t('staff.review.signed', { signer: s.signer, role: s.role, date: date(s.signedOn) })
  if (item.state === 'changed')
    return s
      ? t('staff.review.changed', { signer: s.signer, date: date(s.signedOn) })
      : t('staff.review.changedNoSigner')
  return t('staff.review.unsigned')
}
