import { describe, expect, it } from '@jest/globals'
import { connect } from 'node:net'
import { startEmulator } from '../../src/emulator/index.js'

describe('starting and stopping the server', () => {
  it('listens on the port asked for, on the host asked for, and refuses a port in use', async () => {
    const first = await startEmulator({ host: 'localhost' })
    expect(first.url).toBe(`http://localhost:${first.port}`)
    await expect(startEmulator({ host: 'localhost', port: first.port })).rejects.toThrow('EADDRINUSE')
    await first.close()
    const again = await startEmulator({ port: first.port })
    expect(again.port).toBe(first.port)
    expect(again.url).toBe(`http://127.0.0.1:${first.port}`)
    await again.close()
  })

  it('survives a client that aborts its upload, and can be closed twice', async () => {
    const emulator = await startEmulator()
    await new Promise<void>((resolve) => {
      const socket = connect(emulator.port, '127.0.0.1', () => {
        socket.write('POST /oauth2/v2.1/token HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\ngrant_type=')
        setTimeout(() => {
          socket.destroy()
          resolve()
        }, 20)
      })
    })
    await new Promise((resolve) => setTimeout(resolve, 20))
    const response = await fetch(`${emulator.url}/oauth2/v2.1/verify`)
    expect(response.status).toBe(400)
    await emulator.close()
    await emulator.close()
  })

  it('refuses a bad latency option at start', async () => {
    await expect(startEmulator({ latencyMs: -5 })).rejects.toThrow('latency')
  })
})
