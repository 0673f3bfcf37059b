#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

// A tiny HTTP/1.1 server on 127.0.0.1 for tests, running on its own thread so that blocking
// clients (libcurl) can talk to it. Each path maps to a canned raw response; "stall" paths send
// headers and then nothing.
class LoopbackHttpServer : public QObject
{
    Q_OBJECT

public:
    LoopbackHttpServer()
    {
        m_thread.start();
        moveToThread(&m_thread);
        QMetaObject::invokeMethod(this, &LoopbackHttpServer::listen, Qt::BlockingQueuedConnection);
    }
    ~LoopbackHttpServer() override
    {
        QMetaObject::invokeMethod(
            this,
            [this] {
                delete m_server;
                m_server = nullptr;
                moveToThread(m_thread.thread());
            },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    // Set before requests are made.
    void route(const QByteArray& path, const QByteArray& rawResponse)
    {
        m_routes.insert(path, rawResponse);
    }
    static QByteArray ok(const QByteArray& body)
    {
        return "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " +
               QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    }
    static QByteArray redirect(const QByteArray& location)
    {
        return "HTTP/1.1 302 Found\r\nLocation: " + location +
               "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    }
    static QByteArray status(int code, const QByteArray& reason)
    {
        return "HTTP/1.1 " + QByteArray::number(code) + ' ' + reason +
               "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    }
    static QByteArray stall() { return "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\npartial"; }

    QString url(const QByteArray& path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(QString::fromLatin1(path));
    }
    quint16 port() const { return m_port; }

private:
    void listen()
    {
        m_server = new QTcpServer(this);
        connect(m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server->nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    const QByteArray request = socket->readAll();
                    const QByteArray path = request.split(' ').value(1);
                    const QByteArray response = m_routes.value(path, status(404, "Not Found"));
                    socket->write(response);
                    if (!response.endsWith("partial"))
                        socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_server->listen(QHostAddress::LocalHost, 0);
        m_port = m_server->serverPort();
    }

    QThread m_thread;
    QTcpServer* m_server = nullptr; // created on the server thread
    QHash<QByteArray, QByteArray> m_routes;
    quint16 m_port = 0;
};
