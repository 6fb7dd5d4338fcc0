import QRCode from 'qrcode'

/**
 * A QR code for the clinic's web address, as an SVG data URL (the CSP allows
 * img data:, and a vector stays sharp at any printer resolution). Medium error
 * correction survives a crease or a smudge; the quiet zone is part of the image.
 */
export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
    color: { dark: '#000000', light: '#ffffff' },
  })
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}

/** The address as a person would type it: no scheme, no trailing slash. */
export function displayAddress(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '')
}
