// GET /api/push/vapid-public-key: public. The live ticket page subscribes to Web Push with this key
// (applicationServerKey), so the push service accepts only messages this server signed.
import { Router } from 'express';
import type { VapidPublicKey } from '../../common/protocol/visitor-channels';
import { handle } from './respond';

export function pushRoutes(publicKey: string): Router {
  return Router().get(
    '/api/push/vapid-public-key',
    handle((): VapidPublicKey => ({ publicKey })),
  );
}
